package it.ksanctions.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrationSettingsTest {

  static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n"
          + "-----END PRIVATE KEY-----";

  static Map<String, String> pagoPa() {
    Map<String, String> values = new HashMap<>();
    values.put("creditorTaxCode", "00097020598");
    values.put("segregationCode", "01");
    values.put("iban", "IT60 X054 2811 1010 0000 0123 456");
    values.put("environment", "uat");
    values.put("baseUrl", "https://api.uat.platform.pagopa.it/gpd/debt-positions-service/v1");
    return values;
  }

  @Test
  void aCompletePagoPaConfigurationIsNormalised() {
    IntegrationSettings settings =
        IntegrationSettings.validate(
            IntegrationKind.PAGOPA,
            pagoPa(),
            Set.of(),
            Map.of("subscriptionKey", SecretValue.of("a1b2c3d4e5f6a7b8c9d0")));
    assertThat(settings.values())
        .containsEntry("iban", "IT60X0542811101000000123456")
        .containsEntry("environment", "UAT")
        .doesNotContainKey("subscriptionKey");
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    Map<String, String> values = pagoPa();
    values.put("creditorTaxCode", "00097020599");
    values.put("segregationCode", "1");
    values.put("iban", "IT61X0542811101000000123456");
    values.put("baseUrl", "ftp://example.it");
    assertThatThrownBy(
            () -> IntegrationSettings.validate(IntegrationKind.PAGOPA, values, Set.of(), Map.of()))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("Codice fiscale dell'ente creditore: serve il codice fiscale")
        .hasMessageContaining("Codice di segregazione: servono 2 cifre")
        .hasMessageContaining("IBAN di accredito: IBAN non valido")
        .hasMessageContaining("Indirizzo base del servizio: l'indirizzo deve iniziare con https://")
        .hasMessageContaining("Chiave di sottoscrizione GPD è obbligatoria");
  }

  @Test
  void thePagoPaTaxonomyIsOptionalAndMustHaveItsForm() {
    Map<String, String> values = pagoPa();
    values.put("taxonomy", "9/0301109ap/");
    assertThat(
            IntegrationSettings.validate(
                    IntegrationKind.PAGOPA, values, Set.of("subscriptionKey"), Map.of())
                .get("taxonomy"))
        .contains("9/0301109AP/");
    assertThat(
            IntegrationSettings.validate(
                    IntegrationKind.PAGOPA, pagoPa(), Set.of("subscriptionKey"), Map.of())
                .get("taxonomy"))
        .isEmpty();
    for (String wrong : new String[] {"0301109AP", "9/0301109A/", "9/030110AP/", "1/0301109AP/"}) {
      values.put("taxonomy", wrong);
      assertThatThrownBy(
              () ->
                  IntegrationSettings.validate(
                      IntegrationKind.PAGOPA, values, Set.of("subscriptionKey"), Map.of()))
          .as(wrong)
          .hasMessageContaining("Tassonomia pagoPA del servizio")
          .hasMessageContaining("nella forma 9/codice/");
    }
  }

  @Test
  void aForeignIbanIsRefusedEvenWhenItsChecksumHolds() {
    Map<String, String> values = pagoPa();
    values.put("iban", "DE89370400440532013000");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.PAGOPA, values, Set.of("subscriptionKey"), Map.of()))
        .hasMessageContaining("serve un IBAN italiano");
  }

  @Test
  void productionNeedsHttps() {
    Map<String, String> values = pagoPa();
    values.put("environment", "PROD");
    values.put("baseUrl", "http://api.platform.pagopa.it/gpd");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.PAGOPA, values, Set.of("subscriptionKey"), Map.of()))
        .hasMessageContaining("in produzione l'indirizzo deve usare https://");
  }

  @Test
  void credentialsInsideAUrlAreRefused() {
    Map<String, String> values = pagoPa();
    values.put("baseUrl", "https://user:secret@api.example.it/");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.PAGOPA, values, Set.of("subscriptionKey"), Map.of()))
        .hasMessageContaining("non deve contenere utente o password")
        .hasMessageNotContaining("secret@");
  }

  @Test
  void smtpChecksPortSenderAndLoginTogether() {
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "host",
                "smtps.pec.example.it",
                "port",
                "70000",
                "tlsMode",
                "TLS",
                "username",
                "comando",
                "sender",
                "comando@"));
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(IntegrationKind.PEC_SMTP, values, Set.of(), Map.of()))
        .hasMessageContaining("Porta: indicare un numero da 1 a 65535")
        .hasMessageContaining("Protezione: valori ammessi NONE, STARTTLS, SSL")
        .hasMessageContaining("Indirizzo del mittente: indirizzo e-mail non valido")
        .hasMessageContaining("Password: è obbligatoria quando è indicato l'utente");

    values.put("port", "465");
    values.put("tlsMode", "ssl");
    values.put("sender", "Comando@Pec.Example.it");
    IntegrationSettings settings =
        IntegrationSettings.validate(
            IntegrationKind.PEC_SMTP, values, Set.of("password"), Map.of());
    SmtpSettings smtp = settings.smtp(SecretValue.of("Pec-Password-2026"));
    assertThat(smtp.port()).isEqualTo(465);
    assertThat(smtp.tls()).isEqualTo(TlsMode.SSL);
    assertThat(smtp.sender()).isEqualTo("comando@pec.example.it");
    assertThat(smtp.toString()).doesNotContain("Pec-Password-2026");
  }

  @Test
  void thePecMailboxNeedsHostPortAndLogin() {
    Map<String, String> values =
        new HashMap<>(
            Map.of(
                "host", "smtps.pec.example.it",
                "port", "465",
                "tlsMode", "SSL",
                "sender", "comando@pec.example.it",
                "imapHost", "imaps.pec.example.it"));
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(IntegrationKind.PEC_SMTP, values, Set.of(), Map.of()))
        .hasMessageContaining("Porta IMAP: è obbligatoria quando è indicato il server IMAP");
    values.put("imapPort", "993");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(IntegrationKind.PEC_SMTP, values, Set.of(), Map.of()))
        .hasMessageContaining("Utente: è obbligatorio per leggere le ricevute PEC");
    values.put("username", "comando@pec.example.it");
    IntegrationSettings settings =
        IntegrationSettings.validate(
            IntegrationKind.PEC_SMTP, values, Set.of("password"), Map.of());
    assertThat(settings.get("imapHost")).contains("imaps.pec.example.it");
    assertThat(settings.get("imapPort")).contains("993");
    values.remove("imapHost");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.PEC_SMTP, values, Set.of("password"), Map.of()))
        .hasMessageContaining("Server IMAP delle ricevute PEC: è obbligatorio");
  }

  @Test
  void aPrivateKeyMustBePem() {
    Map<String, String> values =
        Map.of(
            "pdndClientId", "client-1",
            "pdndKeyId", "key-1",
            "environment", "UAT",
            "baseUrl", "https://api.uat.notifichedigitali.it");
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.SEND,
                    values,
                    Set.of(),
                    Map.of(
                        "apiKey",
                        SecretValue.of("send-api-key-123456"),
                        "privateKey",
                        SecretValue.of("not a key"))))
        .hasMessageContaining("serve una chiave privata in formato PEM")
        .hasMessageNotContaining("not a key");
    assertThat(
            IntegrationSettings.validate(
                    IntegrationKind.SEND,
                    values,
                    Set.of(),
                    Map.of(
                        "apiKey",
                        SecretValue.of("send-api-key-123456"),
                        "privateKey",
                        SecretValue.of(PEM)))
                .values())
        .containsEntry("pdndKeyId", "key-1");
  }

  @Test
  void aStoredSecretSatisfiesARequiredField() {
    assertThat(
            IntegrationSettings.validate(
                    IntegrationKind.PROTOCOL,
                    Map.of("endpointUrl", "https://protocollo.example.it/ws", "registryCode", "PG"),
                    Set.of("token"),
                    Map.of())
                .values())
        .containsEntry("registryCode", "PG");
  }

  @Test
  void aSealNeedsAReadableCertificateAndItsKey() {
    assertThatThrownBy(
            () ->
                IntegrationSettings.validate(
                    IntegrationKind.SEAL,
                    Map.of(
                        "certificate",
                        "-----BEGIN CERTIFICATE-----\nnon base64!\n-----END CERTIFICATE-----"),
                    Set.of(),
                    Map.of()))
        .isInstanceOf(CommandRuleException.class)
        .hasMessageContaining("Certificato del sigillo (PEM): serve un certificato X.509")
        .hasMessageContaining("Chiave privata del sigillo (PEM, PKCS#8) è obbligatoria");
    assertThat(IntegrationSettings.certificate("MIIB")).isEmpty();
    assertThat(IntegrationSettings.certificate(null)).isEmpty();
  }
}
