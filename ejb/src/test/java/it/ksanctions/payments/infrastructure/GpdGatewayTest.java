package it.ksanctions.payments.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class GpdGatewayTest {

  static JsonObject position(String debtor, String... iuvs) {
    var options = Json.createArrayBuilder();
    for (String iuv : iuvs) {
      options.add(Json.createObjectBuilder().add("iuv", iuv).add("amount", 4200));
    }
    return Json.createObjectBuilder()
        .add("iupd", "KS-1-2026")
        .add("fiscalCode", debtor)
        .add("paymentOption", options)
        .build();
  }

  @Test
  void aRetryFindsItsOwnPositionAndAcceptsIt() {
    JsonObject sent = position("RSSMRA85T10A562S", "01000000000000001", "01000000000000002");
    JsonObject held = position("RSSMRA85T10A562S", "01000000000000002", "01000000000000001");
    assertThat(GpdGateway.sameDebt(held, sent)).isTrue();
  }

  @Test
  void anotherBodysPositionUnderTheSameIupdIsAConflict() {
    JsonObject sent = position("RSSMRA85T10A562S", "01000000000000001");
    assertThat(GpdGateway.sameDebt(position("BNCGLI90A41E472X", "01000000000000001"), sent))
        .isFalse();
    assertThat(GpdGateway.sameDebt(position("RSSMRA85T10A562S", "01000000000000009"), sent))
        .isFalse();
    assertThat(
            GpdGateway.sameDebt(
                Json.createObjectBuilder().add("fiscalCode", "RSSMRA85T10A562S").build(), sent))
        .isFalse();
  }

  @Test
  void theTransfersCarryTheCommandsOwnTaxonomyCode() {
    var access =
        new it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess(
            java.net.URI.create("https://gpd.example.it/v1"),
            it.ksanctions.command.domain.SecretValue.of("a1b2c3d4e5f6a7b8c9d0"),
            "00097020598",
            "01",
            "IT60X0542811101000000123456",
            "9/0101111AP/");
    var position =
        new it.ksanctions.payments.application.PaymentGateway.DebtPosition(
            "KS-7-2026",
            false,
            "RSSMRA85T10A562S",
            "Mario Rossi",
            null,
            java.util.List.of(
                new it.ksanctions.payments.application.PaymentGateway.Option(
                    "01000000000000007",
                    4200,
                    java.time.LocalDate.of(2026, 12, 31),
                    "Verbale 7/2026",
                    java.util.List.of(
                        new it.ksanctions.payments.domain.Transfers.Transfer(
                            1, 4200, null, "Verbale 7/2026")))));
    JsonObject json = GpdGateway.json(position, access, "Comune di Esempio");
    var transfer =
        json.getJsonArray("paymentOption")
            .getJsonObject(0)
            .getJsonArray("transfer")
            .getJsonObject(0);
    assertThat(transfer.getString("category")).isEqualTo("9/0101111AP/");
    assertThat(transfer.getString("organizationFiscalCode")).isEqualTo("00097020598");
  }
}
