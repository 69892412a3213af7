package it.ksanctions.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.notifications.domain.DaticertReceipt;
import it.ksanctions.notifications.domain.DaticertReceipt.Type;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PecNotificationTest {

  static DaticertReceipt receipt(Type type, String messageId, String error) {
    return new DaticertReceipt(
        type,
        messageId,
        OffsetDateTime.parse("2026-12-01T23:30:00Z"),
        "mario.rossi@pec.example.it",
        "comando@pec.comune.it",
        "Notifica del verbale n. 1/2026",
        error);
  }

  @Test
  void theMessageIdIsTheAttemptsTokenAtTheSendersDomain() {
    assertThat(PecNotifyHandler.messageId("3f1c-77", "Comando@PEC.Comune.it"))
        .isEqualTo("<3f1c-77@pec.comune.it>");
    assertThat(PecNotifyHandler.fileName("12/2026 A")).isEqualTo("Verbale-12-2026-A.pdf");
  }

  @Test
  void eachReceiptHasItsOwnSourceIdAndLegalFactCategory() {
    String id = "3f1c-77@pec.comune.it";
    assertThat(PecReceipts.sourceId(receipt(Type.ACCETTAZIONE, id, null)))
        .isEqualTo("pec:accettazione:" + id);
    assertThat(PecReceipts.sourceId(receipt(Type.AVVENUTA_CONSEGNA, id, null)))
        .isEqualTo("pec:avvenuta-consegna:" + id);
    assertThat(PecReceipts.sourceId(receipt(Type.ACCETTAZIONE, "x".repeat(120), null)))
        .startsWith("pec:")
        .hasSize(68);
    assertThat(PecReceipts.legalFactCategory(Type.ACCETTAZIONE)).isEqualTo("PEC_ACCETTAZIONE");
    assertThat(PecReceipts.legalFactCategory(Type.AVVENUTA_CONSEGNA)).isEqualTo("PEC_CONSEGNA");
    assertThat(PecReceipts.legalFactCategory(Type.ERRORE_CONSEGNA))
        .isEqualTo("PEC_MANCATA_CONSEGNA");
  }

  @Test
  void aFailedDeliveryIsToldInItalianWithTheProvidersReasonAndItalianDay() {
    assertThat(
            PecReceipts.refusal(
                receipt(Type.ERRORE_CONSEGNA, "a@b", "5.1.1 - Destinatario inesistente")))
        .isEqualTo(
            "PEC non consegnata a mario.rossi@pec.example.it (ricevuta del 02/12/2026): 5.1.1 -"
                + " Destinatario inesistente");
    assertThat(PecReceipts.detail(receipt(Type.ACCETTAZIONE, "a@b", null)))
        .isEqualTo("Ricevuta di accettazione della PEC a mario.rossi@pec.example.it");
  }
}
