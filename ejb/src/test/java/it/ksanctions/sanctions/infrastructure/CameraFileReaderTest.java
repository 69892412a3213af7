package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class CameraFileReaderTest {

  private static List<Map<String, String>> rows(String text, OutputFormat format) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (CameraFileReader reader =
        CameraFileReader.open(text.getBytes(StandardCharsets.UTF_8), format)) {
      reader.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void csvJsonAndXmlGiveTheSameFields() {
    String csv =
        "targa;data_ora;velocita\nAB123CD;2026-06-19T10:00:00;92\nEF456GH;2026-06-19T10:01:00;61\n";
    String json =
        "{\"rilevazioni\":[{\"targa\":\"AB123CD\",\"data_ora\":\"2026-06-19T10:00:00\",\"velocita\":92},"
            + "{\"targa\":\"EF456GH\",\"data_ora\":\"2026-06-19T10:01:00\",\"velocita\":61,\"foto\":[\"a.jpg\",\"b.jpg\"]}]}";
    String xml =
        "<rilevazioni><rilevazione targa=\"AB123CD\"><data_ora>2026-06-19T10:00:00</data_ora>"
            + "<velocita>92</velocita></rilevazione><rilevazione><targa>EF456GH</targa>"
            + "<data_ora>2026-06-19T10:01:00</data_ora><velocita>61</velocita></rilevazione></rilevazioni>";

    for (List<Map<String, String>> rows :
        List.of(
            rows(csv, OutputFormat.CSV),
            rows(json, OutputFormat.JSON),
            rows(xml, OutputFormat.XML))) {
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0)).containsEntry("targa", "AB123CD").containsEntry("velocita", "92");
      assertThat(rows.get(1)).containsEntry("data_ora", "2026-06-19T10:01:00");
    }
    assertThat(rows(json, OutputFormat.JSON).get(1)).containsEntry("foto", "a.jpg|b.jpg");
    assertThat(CameraFileReader.count(csv.getBytes(StandardCharsets.UTF_8), OutputFormat.CSV))
        .isEqualTo(2);
  }

  @Test
  void hostileXmlWithADtdIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<rilevazioni><rilevazione targa=\"&x;\"/></rilevazioni>";
    assertThatThrownBy(() -> rows(xxe, OutputFormat.XML))
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).code())
        .isEqualTo("sanctions.import.unreadable");
  }

  @Test
  void garbageAWrongEncodingAndAMissingHeaderAreRefusedWithTheirReason() {
    byte[] garbage = {0x00, (byte) 0xFF, 0x13, 0x37, (byte) 0xC3, 0x28, 0x0A, 0x01};
    assertThatThrownBy(() -> CameraFileReader.count(garbage, OutputFormat.JSON))
        .isInstanceOf(SanctionsRuleException.class)
        .hasMessageContaining("non si può leggere");
    byte[] latin1 =
        "targa;data_ora\nCITTÀ1;2026-06-19T10:00:00\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CameraFileReader.count(latin1, OutputFormat.CSV))
        .isInstanceOf(SanctionsRuleException.class);
    assertThatThrownBy(() -> rows("a;b\n1;2\n", OutputFormat.CSV))
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).code())
        .isEqualTo("sanctions.import.columns");
    assertThatThrownBy(() -> rows("", OutputFormat.JSON))
        .isInstanceOf(SanctionsRuleException.class);
  }

  @Test
  void aPhotoArchiveIsCheckedForTraversalBombsAndContent() throws IOException {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F'};
    byte[] good = zip(Map.of("foto/a.jpg", jpeg));
    assertThat(PhotoArchive.check(good)).containsExactly("a.jpg");
    assertThat(PhotoArchive.photo(good, "A.JPG"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(jpeg));

    assertThatThrownBy(() -> PhotoArchive.check(zip(Map.of("../../etc/cron.d/x.jpg", jpeg))))
        .hasMessageContaining("percorso non ammesso");
    assertThatThrownBy(() -> PhotoArchive.check(zip(Map.of("a.jpg", "not an image".getBytes()))))
        .hasMessageContaining("non è una foto");
    byte[] zeros = new byte[30 * 1024 * 1024];
    zeros[0] = (byte) 0xFF;
    zeros[1] = (byte) 0xD8;
    zeros[2] = (byte) 0xFF;
    assertThatThrownBy(() -> PhotoArchive.check(zip(Map.of("bomb.jpg", zeros))))
        .hasMessageContaining("20 MB");
    assertThatThrownBy(() -> PhotoArchive.check("PK no zip".getBytes()))
        .isInstanceOf(SanctionsRuleException.class);
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
