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
}
