package it.ksanctions.command.domain;

import it.ksanctions.command.domain.IntegrationField.Type;
import it.ksanctions.shared.NumericTaxCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checked, non-secret settings of one integration (SPEC CMD-6): every field of the kind
 * normalised and validated, with all the problems of a form reported at once, in Italian, naming
 * the field. Secrets are checked here too (shape and presence) but never kept here and never quoted
 * in a message.
 */
public final class IntegrationSettings {

  static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
  static final Pattern HOST =
      Pattern.compile(
          "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
  private static final Pattern PEM =
      Pattern.compile(
          "-----BEGIN ([A-Z ]*)PRIVATE KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1PRIVATE"
              + " KEY-----");

  private final IntegrationKind kind;
  private final Map<String, String> values;

  private IntegrationSettings(IntegrationKind kind, Map<String, String> values) {
    this.kind = kind;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Settings read back from storage, already checked when they were saved. */
  public static IntegrationSettings stored(IntegrationKind kind, Map<String, String> values) {
    Map<String, String> known = new LinkedHashMap<>();
    for (IntegrationField field : kind.plainFields()) {
      String value = values.get(field.name());
      if (value != null) {
        known.put(field.name(), value);
      }
    }
    return new IntegrationSettings(kind, known);
  }

  /**
   * Checks a form.
   *
   * @param typed the non-secret fields as typed (missing or blank: empty)
   * @param storedSecrets the names of the secrets already stored (an empty secret field keeps them)
   * @param newSecrets the secrets typed now (blank ones are absent)
   * @throws CommandRuleException listing every problem
   */
  public static IntegrationSettings validate(
      IntegrationKind kind,
      Map<String, String> typed,
      Set<String> storedSecrets,
      Map<String, SecretValue> newSecrets) {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    for (IntegrationField field : kind.plainFields()) {
      String raw = typed == null ? null : typed.get(field.name());
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) {
        if (field.required()) {
          problems.add(field.label() + " è obbligatorio");
        }
        continue;
      }
      if (value.length() > field.type().maxLength()
          && field.type() != Type.IBAN
          && field.type() != Type.TAX_CODE) {
        problems.add(field.label() + ": al massimo " + field.type().maxLength() + " caratteri");
        continue;
      }
      Optional<String> problem = checkPlain(field, value);
      if (problem.isPresent()) {
        problems.add(field.label() + ": " + problem.get());
        continue;
      }
      values.put(field.name(), normalise(field, value));
    }
    Set<String> present = new java.util.HashSet<>(storedSecrets == null ? Set.of() : storedSecrets);
    for (IntegrationField field : kind.secretFields()) {
      SecretValue secret = newSecrets == null ? null : newSecrets.get(field.name());
      if (secret != null) {
        Optional<String> problem = checkSecret(field, secret);
        if (problem.isPresent()) {
          problems.add(field.label() + ": " + problem.get());
        }
        present.add(field.name());
      } else if (field.required() && !present.contains(field.name())) {
        problems.add(field.label() + " è obbligatoria");
      }
    }
    crossChecks(kind, values, present, problems);
    if (!problems.isEmpty()) {
      throw new CommandRuleException(
          "command.integration.invalid",
          "Configurazione "
              + kind.italianLabel()
              + " non valida: "
              + String.join("; ", problems)
              + ".");
    }
    return new IntegrationSettings(kind, values);
  }

  private static Optional<String> checkPlain(IntegrationField field, String value) {
    // A multi-line value (a PEM certificate) may hold line breaks, nothing else of the kind.
    if (value
        .chars()
        .anyMatch(
            c -> Character.isISOControl(c) && !(field.multiline() && (c == '\n' || c == '\r')))) {
      return Optional.of("contiene caratteri non ammessi");
    }
    return switch (field.type()) {
      case TEXT -> Optional.empty();
      case HOST ->
          HOST.matcher(value).matches()
              ? Optional.empty()
              : Optional.of("nome host o indirizzo IP non valido (es. smtps.pec.aruba.it)");
      case URL -> checkUrl(value);
      case PORT -> {
        if (!value.matches("[0-9]{1,5}")) {
          yield Optional.of("indicare un numero da 1 a 65535");
        }
        int port = Integer.parseInt(value);
        yield port >= 1 && port <= 65535
            ? Optional.empty()
            : Optional.of("indicare un numero da 1 a 65535");
      }
      case CHOICE ->
          field.choices().contains(value.toUpperCase(Locale.ROOT))
              ? Optional.empty()
              : Optional.of("valori ammessi " + String.join(", ", field.choices()));
      case EMAIL ->
          EMAIL.matcher(value).matches()
              ? Optional.empty()
              : Optional.of("indirizzo e-mail non valido (es. comando@pec.comune.it)");
      case IBAN -> {
        String iban = Iban.normalise(value);
        if (!iban.startsWith("IT") || iban.length() != 27) {
          yield Optional.of("serve un IBAN italiano: IT seguito da 25 caratteri (27 in tutto)");
        }
        yield Iban.isValidItalian(iban)
            ? Optional.empty()
            : Optional.of("IBAN non valido: le cifre di controllo non corrispondono (ISO 13616)");
      }
      case TAX_CODE ->
          NumericTaxCode.isValid(value)
              ? Optional.empty()
              : Optional.of(
                  "serve il codice fiscale numerico dell'ente, 11 cifre con la cifra di controllo"
                      + " corretta");
      case TWO_DIGITS ->
          value.matches("[0-9]{2}") ? Optional.empty() : Optional.of("servono 2 cifre (es. 01)");
      case TAXONOMY ->
          value.toUpperCase(Locale.ROOT).matches("9/[0-9]{7}[A-Z]{2}/")
              ? Optional.empty()
              : Optional.of(
                  "serve il codice della tassonomia pagoPA del servizio, nella forma 9/codice/"
                      + " (7 cifre e 2 lettere maiuscole, es. 9/0301109AP/)");
      case KEY, PEM -> Optional.empty();
      case CERTIFICATE ->
          certificate(value).isPresent()
              ? Optional.empty()
              : Optional.of(
                  "serve un certificato X.509 in formato PEM (da -----BEGIN CERTIFICATE----- a"
                      + " -----END CERTIFICATE-----)");
    };
  }

  private static Optional<String> checkUrl(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return Optional.of("indirizzo non valido (es. https://api.esempio.it/servizio)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("l'indirizzo deve iniziare con https:// (o http://)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("nell'indirizzo manca il nome del server");
    }
    if (uri.getRawUserInfo() != null) {
      // Credentials in a URL would be stored and shown in clear: they go in the secret fields.
      return Optional.of(
          "l'indirizzo non deve contenere utente o password: usare i campi appositi");
    }
    return Optional.empty();
  }

  private static Optional<String> checkSecret(IntegrationField field, SecretValue secret) {
    if (secret.length() > field.type().maxLength()) {
      return Optional.of("al massimo " + field.type().maxLength() + " caratteri");
    }
    String value = secret.reveal();
    if (field.type() == Type.PEM) {
      var matcher = PEM.matcher(value);
      if (!matcher.matches()) {
        return Optional.of(
            "serve una chiave privata in formato PEM (da -----BEGIN PRIVATE KEY----- a -----END"
                + " PRIVATE KEY-----)");
      }
      try {
        Base64.getMimeDecoder().decode(matcher.group(2));
      } catch (IllegalArgumentException e) {
        return Optional.of("il contenuto della chiave PEM non è Base64 valido");
      }
      return Optional.empty();
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("deve stare su una riga, senza caratteri di controllo");
    }
    return Optional.empty();
  }

  private static void crossChecks(
      IntegrationKind kind,
      Map<String, String> values,
      Set<String> secrets,
      List<String> problems) {
    if ("PROD".equals(values.get("environment"))
        && values.containsKey("baseUrl")
        && !values.get("baseUrl").toLowerCase(Locale.ROOT).startsWith("https://")) {
      problems.add(
          kind.field("baseUrl").label() + ": in produzione l'indirizzo deve usare https://");
    }
    if (kind == IntegrationKind.PEC_SMTP) {
      boolean user = values.containsKey("username");
      boolean password = secrets.contains("password");
      if (user && !password) {
        problems.add("Password: è obbligatoria quando è indicato l'utente");
      } else if (!user && password) {
        problems.add("Utente: è obbligatorio quando è indicata la password");
      }
      boolean imapHost = values.containsKey("imapHost");
      if (imapHost != values.containsKey("imapPort")) {
        problems.add(
            imapHost
                ? "Porta IMAP: è obbligatoria quando è indicato il server IMAP"
                : "Server IMAP delle ricevute PEC: è obbligatorio quando è indicata la porta IMAP");
      } else if (imapHost && !user) {
        problems.add("Utente: è obbligatorio per leggere le ricevute PEC dal server IMAP");
      }
    }
  }

  private static String normalise(IntegrationField field, String value) {
    return switch (field.type()) {
      case IBAN -> Iban.normalise(value);
      case CHOICE, TAXONOMY -> value.toUpperCase(Locale.ROOT);
      case EMAIL, HOST -> value.toLowerCase(Locale.ROOT);
      case PORT -> String.valueOf(Integer.parseInt(value));
      default -> value;
    };
  }

  public IntegrationKind kind() {
    return kind;
  }

  /** The non-secret values by field name (absent: not set). */
  public Map<String, String> values() {
    return values;
  }

  public Optional<String> get(String field) {
    return Optional.ofNullable(values.get(field));
  }

  public String require(String field) {
    return get(field)
        .orElseThrow(() -> new IllegalStateException(kind + "." + field + " is not set"));
  }

  /** The SMTP settings of a PEC_SMTP configuration, with its (decrypted) password. */
  public SmtpSettings smtp(SecretValue password) {
    if (kind != IntegrationKind.PEC_SMTP) {
      throw new IllegalStateException("Not an SMTP configuration: " + kind);
    }
    return new SmtpSettings(
        require("host"),
        Integer.parseInt(require("port")),
        TlsMode.valueOf(require("tlsMode")),
        get("username").orElse(null),
        password,
        require("sender"));
  }

  @Override
  public String toString() {
    return kind + values.toString();
  }

  /** The X.509 certificate of a PEM text (line breaks optional), if it is one. */
  public static Optional<java.security.cert.X509Certificate> certificate(String pem) {
    if (pem == null) {
      return Optional.empty();
    }
    var matcher =
        Pattern.compile(
                "-----BEGIN CERTIFICATE-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END CERTIFICATE-----")
            .matcher(pem.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(1).replaceAll("\\s", ""));
      return Optional.of(
          (java.security.cert.X509Certificate)
              java.security.cert.CertificateFactory.getInstance("X.509")
                  .generateCertificate(new java.io.ByteArrayInputStream(der)));
    } catch (IllegalArgumentException | java.security.cert.CertificateException e) {
      return Optional.empty();
    }
  }
}
