package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.IntegrationField.choice;
import static it.ksanctions.command.domain.IntegrationField.plain;
import static it.ksanctions.command.domain.IntegrationField.secret;

import it.ksanctions.command.domain.IntegrationField.Type;
import java.util.List;
import java.util.Optional;

/**
 * The external systems a command connects to with its own credentials (SPEC CMD-6, PLT-6), each
 * with its fields. Constant and field names are stored (and are part of the encryption's associated
 * data): never renamed.
 */
public enum IntegrationKind {
  PAGOPA(
      "pagoPA (Gestione Posizioni Debitorie)",
      "Ocp-Apim-Subscription-Key",
      List.of(
          secret("subscriptionKey", "Chiave di sottoscrizione GPD", Type.KEY, true),
          plain("creditorTaxCode", "Codice fiscale dell'ente creditore", Type.TAX_CODE, true),
          plain("segregationCode", "Codice di segregazione", Type.TWO_DIGITS, true),
          plain("iban", "IBAN di accredito", Type.IBAN, true),
          // The transfers' category: the code the command's catalogue on pagoPA gives the service.
          plain(
              "taxonomy",
              "Tassonomia pagoPA del servizio (se vuota: "
                  + IntegrationKind.DEFAULT_PAGOPA_TAXONOMY
                  + ")",
              Type.TAXONOMY,
              false),
          choice("environment", "Ambiente", List.of("UAT", "PROD")),
          plain("baseUrl", "Indirizzo base del servizio", Type.URL, true),
          // Authenticates the receipts pushed by the pagoPA node (header X-Receipt-Key).
          secret("receiptKey", "Chiave delle ricevute inviate da pagoPA", Type.KEY, false))),
  SEND(
      "SEND (notifiche digitali)",
      "x-api-key",
      List.of(
          secret("apiKey", "Chiave API", Type.KEY, true),
          plain("pdndClientId", "Client id PDND", Type.TEXT, true),
          plain("pdndKeyId", "Key id PDND", Type.TEXT, true),
          secret("privateKey", "Chiave privata PDND (PEM)", Type.PEM, true),
          choice("environment", "Ambiente", List.of("UAT", "PROD")),
          plain("baseUrl", "Indirizzo base del servizio", Type.URL, true))),
  PEC_SMTP(
      "PEC / SMTP",
      null,
      List.of(
          plain("host", "Server SMTP", Type.HOST, true),
          plain("port", "Porta", Type.PORT, true),
          choice("tlsMode", "Protezione", List.of("NONE", "STARTTLS", "SSL")),
          plain("username", "Utente", Type.TEXT, false),
          secret("password", "Password", Type.KEY, false),
          plain("sender", "Indirizzo del mittente", Type.EMAIL, true),
          // The PEC mailbox where the provider leaves the receipts of the acts sent by PEC:
          // same login and protection as the SMTP server.
          plain("imapHost", "Server IMAP delle ricevute PEC", Type.HOST, false),
          plain("imapPort", "Porta IMAP", Type.PORT, false))),
  PROTOCOL(
      "Protocollo informatico",
      null,
      List.of(
          plain("endpointUrl", "Indirizzo del servizio", Type.URL, true),
          plain("username", "Utente", Type.TEXT, false),
          secret("token", "Password o token", Type.KEY, true),
          plain("registryCode", "Codice del registro", Type.TEXT, true))),
  GIS(
      "GIS",
      "x-api-key",
      List.of(
          plain("endpointUrl", "Indirizzo del servizio", Type.URL, true),
          secret("apiKey", "Chiave API", Type.KEY, false),
          plain("layer", "Livello (layer)", Type.TEXT, true))),
  /** The command's electronic seal: the acts' PDFs are sealed (PAdES) when it is configured. */
  SEAL(
      "Sigillo elettronico dei verbali (PAdES)",
      null,
      List.of(
          secret("privateKey", "Chiave privata del sigillo (PEM, PKCS#8)", Type.PEM, true),
          plain("certificate", "Certificato del sigillo (PEM)", Type.CERTIFICATE, true)));

  /**
   * The transfers' category when the command names none: the taxonomy code used so far for Highway
   * Code fines. Each creditor checks its own in its pagoPA catalogue ("tassonomia dei servizi di
   * incasso") and sets it in the integration's "taxonomy" field.
   */
  public static final String DEFAULT_PAGOPA_TAXONOMY = "9/0301109AP/";

  private final String italianLabel;
  private final String keyHeader;
  private final List<IntegrationField> fields;

  IntegrationKind(String italianLabel, String keyHeader, List<IntegrationField> fields) {
    this.italianLabel = italianLabel;
    this.keyHeader = keyHeader;
    this.fields = fields;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** The HTTP header that carries the key, for the HTTP integrations that use one. */
  public Optional<String> keyHeader() {
    return Optional.ofNullable(keyHeader);
  }

  public List<IntegrationField> fields() {
    return fields;
  }

  public List<IntegrationField> plainFields() {
    return fields.stream().filter(f -> !f.secret()).toList();
  }

  public List<IntegrationField> secretFields() {
    return fields.stream().filter(IntegrationField::secret).toList();
  }

  public IntegrationField field(String name) {
    return fields.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No field " + name + " in " + name()));
  }

  /** The register's item for a field: "PEC / SMTP: Porta". */
  public String registerItem(IntegrationField field) {
    return italianLabel + ": " + field.label();
  }
}
