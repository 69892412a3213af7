package it.ksanctions.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.portal.domain.AttachmentCheck.Checked;
import it.ksanctions.portal.domain.AttachmentCheck.Type;
import it.ksanctions.shared.RuleViolation.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentCheckTest {

  private static final long MIB = 1024L * 1024;
  private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

  @ParameterizedTest
  @CsvSource({
    "verbale.pdf, PDF",
    "VERBALE.PDF, PDF",
    "foto.jpg, JPEG",
    "foto.JPEG, JPEG",
    "foto.JpEg, JPEG",
    "schermata.png, PNG",
    "schermata.Png, PNG"
  })
  void theTypeComesFromTheContentAndTheExtensionMatches(String name, Type type) {
    byte[] content =
        switch (type) {
          case PDF -> PDF;
          case JPEG -> JPEG;
          case PNG -> PNG;
        };

    Checked checked = AttachmentCheck.checkFile(name, content);

    assertThat(checked.type()).isEqualTo(type);
    assertThat(checked.storageName()).isEqualTo(name);
    assertThat(checked.size()).isEqualTo(content.length);
  }

  @Test
  void aPdfExtensionOnPngContentIsRefused() {
    assertThatThrownBy(() -> AttachmentCheck.checkFile("ricorso.pdf", PNG))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.attachment.extension-mismatch");
              assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Il file «ricorso.pdf» contiene un'immagine PNG ma il nome non termina con"
                          + " .png: si rinomini il file o si alleghi il file corretto.");
            });
  }

  @Test
  void aJpegNamedPngAndANameWithoutExtensionAreRefused() {
    assertThatThrownBy(() -> AttachmentCheck.checkFile("foto.png", JPEG))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.italianMessage()).contains(".jpg o .jpeg"));
    assertThatThrownBy(() -> AttachmentCheck.checkFile("ricorso", PDF))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.attachment.extension-mismatch"));
    assertThatThrownBy(() -> AttachmentCheck.checkFile("ricorso.pdf.exe", PDF))
        .isInstanceOf(PortalRuleException.class);
  }

  @Test
  void otherContentIsRefusedWhateverTheName() {
    byte[] gif = "GIF89a......".getBytes(StandardCharsets.US_ASCII);
    byte[] exe = {'M', 'Z', (byte) 0x90, 0};
    for (byte[] content : List.of(gif, exe, new byte[] {'%', 'P', 'D'})) {
      assertThatThrownBy(() -> AttachmentCheck.checkFile("documento.pdf", content))
          .isInstanceOfSatisfying(
              PortalRuleException.class,
              e -> {
                assertThat(e.code()).isEqualTo("portal.attachment.type-not-allowed");
                assertThat(e.italianMessage()).startsWith("Il file «documento.pdf» non è");
              });
    }
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> AttachmentCheck.checkFile("vuoto.pdf", new byte[0]))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.attachment.empty");
              assertThat(e.italianMessage()).isEqualTo("Il file «vuoto.pdf» è vuoto.");
            });
  }

  @Test
  void aFileMayWeighTenMebibytesNotOneByteMore() {
    assertThat(AttachmentCheck.checkFile("grande.pdf", 10 * MIB, PDF).size()).isEqualTo(10 * MIB);
    assertThatThrownBy(() -> AttachmentCheck.checkFile("grande.pdf", 10 * MIB + 1, PDF))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.attachment.too-large");
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Il file «grande.pdf» pesa 10,1 MB: ogni allegato può pesare al massimo"
                          + " 10 MB.");
            });
  }

  @Test
  void theWholeContentWorksAsWellAsTheHead() {
    byte[] content = new byte[(int) (10 * MIB + 1)];
    System.arraycopy(PNG, 0, content, 0, PNG.length);
    assertThatThrownBy(() -> AttachmentCheck.checkFile("grande.png", content))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.attachment.too-large"));
  }

  @Test
  void aRequestHasFiveFilesAtMostAndTheSixthIsNamed() {
    List<Checked> files = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      files.add(AttachmentCheck.checkFile("foto" + i + ".jpg", JPEG));
    }
    assertThatCode(() -> AttachmentCheck.checkRequest(files)).doesNotThrowAnyException();

    files.add(AttachmentCheck.checkFile("foto6.jpg", JPEG));

    assertThatThrownBy(() -> AttachmentCheck.checkRequest(files))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.attachment.too-many");
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Il file «foto6.jpg» non si può allegare: una richiesta può avere al"
                          + " massimo 5 allegati.");
            });
  }

  @Test
  void aRequestWeighs25MebibytesAtMost() {
    Checked ten = AttachmentCheck.checkFile("a.pdf", 10 * MIB, PDF);
    Checked five = AttachmentCheck.checkFile("c.pdf", 5 * MIB, PDF);
    Checked oneByte = AttachmentCheck.checkFile("d.png", 1, PNG);
    assertThatCode(() -> AttachmentCheck.checkRequest(List.of(ten, ten, five)))
        .doesNotThrowAnyException();

    assertThatThrownBy(() -> AttachmentCheck.checkRequest(List.of(ten, ten, five, oneByte)))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.attachment.request-too-large");
              assertThat(e.italianMessage()).startsWith("Il file «d.png» non si può allegare");
            });
    assertThatCode(() -> AttachmentCheck.checkRequest(List.of())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "C:\\Users\\mario\\Documenti\\ricorso.pdf | ricorso.pdf",
        "../../etc/ricorso.pdf | ricorso.pdf",
        ".htaccess.pdf | htaccess.pdf",
        "...pdf | pdf",
        "  ricorso firmato.pdf  | ricorso firmato.pdf",
        "a:b*c?d\"e<f>g.pdf | a_b_c_d_e_f_g.pdf",
        "'' | allegato",
        "/// | allegato"
      })
  void theNameIsSanitisedForStorage(String name, String stored) {
    assertThat(AttachmentCheck.sanitiseFileName(name)).isEqualTo(stored);
  }

  @Test
  void controlAndInvisibleCharactersAreRemoved() {
    assertThat(AttachmentCheck.sanitiseFileName("ric\u0000or\nso\t.pdf")).isEqualTo("ricorso.pdf");
    // the right-to-left override would show "fdp.exe" reversed as "exe.pdf"
    assertThat(AttachmentCheck.sanitiseFileName("foto\u202Egnp.pdf")).isEqualTo("fotognp.pdf");
    assertThat(AttachmentCheck.sanitiseFileName(null)).isEqualTo("allegato");
    assertThat(AttachmentCheck.sanitiseFileName("a|b.pdf")).isEqualTo("a_b.pdf");
    assertThat(AttachmentCheck.sanitiseFileName("perche\u0301.pdf")).isEqualTo("perché.pdf");
  }

  @Test
  void aLongNameIsShortenedTo120CharactersKeepingTheExtension() {
    String stored = AttachmentCheck.sanitiseFileName("x".repeat(200) + ".PDF");

    assertThat(stored).hasSize(120).isEqualTo("x".repeat(116) + ".PDF");
    assertThat(AttachmentCheck.sanitiseFileName("y".repeat(120))).hasSize(120);
    assertThat(AttachmentCheck.checkFile("z".repeat(300) + ".pdf", PDF).storageName())
        .hasSize(120)
        .endsWith(".pdf");
  }

  @Test
  void theMessageNamesTheSanitisedFile() {
    assertThatThrownBy(() -> AttachmentCheck.checkFile("C:\\tmp\\bad\u0007.pdf", PNG))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.italianMessage()).startsWith("Il file «bad.pdf»"));
  }
}
