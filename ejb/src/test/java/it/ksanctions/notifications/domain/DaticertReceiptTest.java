package it.ksanctions.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.notifications.domain.DaticertReceipt.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaticertReceiptTest {

  static final String DELIVERY =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE postacert SYSTEM "postacert.dtd">
      <postacert tipo="avvenuta-consegna" errore="nessuno">
        <intestazione>
          <mittente>comando@pec.comune.latina.it</mittente>
          <destinatari tipo="certificato">mario.rossi@pec.example.it</destinatari>
          <risposte>comando@pec.comune.latina.it</risposte>
          <oggetto>Notifica del verbale n. 12/2026</oggetto>
        </intestazione>
        <dati>
          <gestore-emittente>Gestore di prova</gestore-emittente>
          <data zona="+0100">
            <giorno>01/12/2026</giorno>
            <ora>23:45:10</ora>
          </data>
          <identificativo>opec210.20261201234510.1234.56.1.1@pec.gestore.it</identificativo>
          <msgid>&lt;3f1c-77@pec.comune.latina.it&gt;</msgid>
          <ricevuta tipo="completa" />
          <consegna>mario.rossi@pec.example.it</consegna>
        </dati>
      </postacert>
      """;

  @Test
  void aDeliveryReceiptGivesTypeMessageIdDateAndRecipient() {
    DaticertReceipt r = DaticertReceipt.parse(DELIVERY.strip().getBytes(StandardCharsets.UTF_8));
    assertThat(r.type()).isEqualTo(Type.AVVENUTA_CONSEGNA);
    assertThat(r.type().failure()).isFalse();
    assertThat(r.messageId()).isEqualTo("3f1c-77@pec.comune.latina.it");
    assertThat(r.at()).isEqualTo(OffsetDateTime.parse("2026-12-01T23:45:10+01:00"));
    assertThat(r.day()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(r.recipient()).isEqualTo("mario.rossi@pec.example.it");
    assertThat(r.sender()).isEqualTo("comando@pec.comune.latina.it");
    assertThat(r.subject()).isEqualTo("Notifica del verbale n. 12/2026");
    assertThat(r.error()).isNull();
  }

  @Test
  void anAcceptanceHasNoRecipientAndTheDayIsItalian() {
    String xml =
        DELIVERY
            .replace("avvenuta-consegna", "accettazione")
            .replace("<consegna>mario.rossi@pec.example.it</consegna>", "")
            .replace("+0100", "+0000");
    DaticertReceipt r = DaticertReceipt.parse(xml.strip().getBytes(StandardCharsets.UTF_8));
    assertThat(r.type()).isEqualTo(Type.ACCETTAZIONE);
    assertThat(r.recipient()).isNull();
    assertThat(r.day()).isEqualTo(LocalDate.of(2026, 12, 2)); // 23:45 UTC is 00:45 in Rome
  }

  @Test
  void aFailedDeliveryCarriesTheProvidersReason() {
    String xml =
        DELIVERY
            .replace("avvenuta-consegna\" errore=\"nessuno", "errore-consegna\" errore=\"no-dest")
            .replace(
                "<ricevuta tipo=\"completa\" />",
                "<errore-esteso>5.1.1 - Destinatario non esistente</errore-esteso>");
    DaticertReceipt r = DaticertReceipt.parse(xml.strip().getBytes(StandardCharsets.UTF_8));
    assertThat(r.type()).isEqualTo(Type.ERRORE_CONSEGNA);
    assertThat(r.type().failure()).isTrue();
    assertThat(r.error()).isEqualTo("5.1.1 - Destinatario non esistente");
  }

  @Test
  void withoutZoneTheDateIsItalianTime() {
    String xml = DELIVERY.replace(" zona=\"+0100\"", "").replace("01/12/2026", "01/07/2026");
    DaticertReceipt r = DaticertReceipt.parse(xml.strip().getBytes(StandardCharsets.UTF_8));
    assertThat(r.at()).isEqualTo(OffsetDateTime.parse("2026-07-01T23:45:10+02:00"));
  }

  @Test
  void wrongFilesAreRefused() {
    assertThatThrownBy(() -> DaticertReceipt.parse("<other/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postacert");
    assertThatThrownBy(
            () ->
                DaticertReceipt.parse(
                    DELIVERY
                        .strip()
                        .replace("accettazione", "x")
                        .replace("avvenuta-consegna", "boh")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("sconosciuto");
    assertThatThrownBy(
            () ->
                DaticertReceipt.parse(
                    DELIVERY
                        .strip()
                        .replaceAll("<msgid>.*</msgid>", "")
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("msgid");
    assertThatThrownBy(() -> DaticertReceipt.parse("<postacert".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void externalEntitiesAreNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "segreto-da-non-leggere");
    String xml =
        DELIVERY
            .strip()
            .replace(
                "<!DOCTYPE postacert SYSTEM \"postacert.dtd\">",
                "<!DOCTYPE postacert [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
            .replace(
                "<consegna>mario.rossi@pec.example.it</consegna>", "<consegna>&xxe;</consegna>");
    DaticertReceipt r;
    try {
      r = DaticertReceipt.parse(xml.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      return; // refusing the file is as good as not reading the entity
    }
    assertThat(String.valueOf(r.recipient())).doesNotContain("segreto");
  }
}
