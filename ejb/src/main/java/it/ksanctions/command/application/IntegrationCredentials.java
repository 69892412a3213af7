package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConnectionTestOutcome;
import it.ksanctions.command.domain.IntegrationField;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.IntegrationSettings;
import it.ksanctions.command.domain.SecretValue;
import it.ksanctions.command.domain.SmtpSettings;
import it.ksanctions.command.domain.TlsMode;
import it.ksanctions.command.infrastructure.ConfiguredMasterKeys;
import it.ksanctions.command.infrastructure.ConnectionTester;
import it.ksanctions.command.infrastructure.EncryptedSecret;
import it.ksanctions.command.infrastructure.IntegrationRow;
import it.ksanctions.command.infrastructure.IntegrationSecretRow;
import it.ksanctions.command.infrastructure.MasterKeys;
import it.ksanctions.command.infrastructure.SecretCipher;
import it.ksanctions.permissions.application.AuditLog;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.AuditedAction;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The current tenant's integration credentials (SPEC CMD-6, PLT-6): pagoPA, SEND, PEC/SMTP,
 * protocol and GIS, each with its own settings and secrets.
 *
 * <p>Secrets are encrypted at rest with AES-256-GCM under a versioned master key ({@link
 * MasterKeys}), bound to tenant, integration and field; they are shown back only masked, leaving a
 * secret field empty keeps the stored value, and neither the configuration register nor the audit
 * log nor any log line receives a secret: the register says only that a secret was set or changed.
 * "Verifica connessione" performs a real handshake and keeps its outcome, which the Command
 * anomalies read (CMD-8). Adapters (the alert mailer, later the pagoPA and SEND adapters) read the
 * decrypted configuration through the unauthorised {@code ...ForUse} methods: they run in timers,
 * without a signed-in user, and never show what they read.
 */
@ApplicationScoped
@Transactional
public class IntegrationCredentials {

  private static final Logger LOG = Logger.getLogger(IntegrationCredentials.class);
  static final String SET = "impostata";
  static final String CHANGED = "modificata";
  static final String REMOVED = "rimossa";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject AuditLog auditLog;
  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;
  @Inject ConfiguredMasterKeys masterKeys;

  Clock clock = Clock.systemUTC();

  /** A secret field as the page shows it: whether it is set, its mask, when and by whom. */
  public record SecretState(
      IntegrationField field, boolean set, String mask, Instant setAt, String setBy, String note) {}

  /** An integration as the page shows it: values of the plain fields, masked secrets, last test. */
  public record IntegrationView(
      IntegrationKind kind,
      boolean configured,
      Map<String, String> values,
      List<SecretState> secrets,
      Instant updatedAt,
      String updatedBy,
      ConnectionTestOutcome lastTest) {}

  /**
   * A save of one integration's form.
   *
   * @param values the non-secret fields by name
   * @param secrets secrets typed now by field name; empty or blank ones keep the stored value
   * @param removeSecrets optional secrets to delete (e.g. the SMTP password of a server without
   *     login)
   * @param reference the administrative reference for the register (optional)
   */
  public record Change(
      Map<String, String> values,
      Map<String, String> secrets,
      Set<String> removeSecrets,
      String reference) {
    public Change {
      values = values == null ? Map.of() : new HashMap<>(values);
      secrets = secrets == null ? Map.of() : new HashMap<>(secrets);
      removeSecrets = removeSecrets == null ? Set.of() : Set.copyOf(removeSecrets);
    }

    @Override
    public String toString() {
      return "Change[values=" + values + ", secrets=" + secrets.keySet() + "]";
    }
  }

  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public List<IntegrationView> views() {
    return Arrays.stream(IntegrationKind.values()).map(this::viewOf).toList();
  }

  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public IntegrationView view(IntegrationKind kind) {
    return viewOf(kind);
  }

  /** Saves one integration; refused with every problem listed when a field is wrong. */
  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public IntegrationView save(IntegrationKind kind, Change change) {
    runs.ensureConfigurationMayChange();
    String by = currentStaff.requireActive().username();
    return save(kind, change, by, register::record, null);
  }

  /**
   * Saves one integration of the current tenant for vendor support staff (the console's onboarding
   * wizard), who are not staff of the command: not authorised by the Permissions module (the caller
   * is), the register entries and the tenant's audit event are authored by {@code "piattaforma:" +
   * platformUser}. Same rules and refusals as {@link #save}.
   */
  public IntegrationView saveByPlatform(IntegrationKind kind, Change change, String platformUser) {
    runs.ensureConfigurationMayChange();
    String by = "piattaforma:" + platformUser;
    return save(
        kind,
        change,
        by,
        (category, item, oldValue, newValue, reference) -> {
          if (!java.util.Objects.equals(oldValue, newValue)) {
            em.persist(
                it.ksanctions.command.infrastructure.ConfigChangeRow.of(
                    new it.ksanctions.command.domain.ConfigChange(
                        Instant.now(clock),
                        by,
                        category,
                        item,
                        oldValue,
                        newValue,
                        reference == null || reference.isBlank() ? null : reference.strip())));
          }
        },
        by);
  }

  /** Where a save writes its register entries. */
  @FunctionalInterface
  private interface RegisterEntry {
    void record(
        ConfigCategory category, String item, String oldValue, String newValue, String reference);
  }

  private IntegrationView save(
      IntegrationKind kind,
      Change change,
      String by,
      RegisterEntry register,
      String platformAuthor) {
    Map<String, IntegrationSecretRow> stored = secretRows(kind);
    Map<String, SecretValue> typed = new LinkedHashMap<>();
    for (IntegrationField field : kind.secretFields()) {
      SecretValue secret = SecretValue.ofNullable(change.secrets().get(field.name()));
      if (secret != null) {
        typed.put(field.name(), secret);
      }
    }
    Set<String> removing = new HashSet<>();
    for (String name : change.removeSecrets()) {
      IntegrationField field = kind.field(name);
      if (field.secret() && !field.required() && !typed.containsKey(name)) {
        removing.add(name);
      }
    }
    Set<String> kept = new HashSet<>(stored.keySet());
    kept.removeAll(removing);
    IntegrationSettings settings = IntegrationSettings.validate(kind, change.values(), kept, typed);

    Instant now = Instant.now(clock);
    IntegrationRow row = em.find(IntegrationRow.class, kind);
    IntegrationSettings before = row == null ? null : row.settings();
    List<String> changed = new ArrayList<>();
    for (IntegrationField field : kind.plainFields()) {
      String old = before == null ? null : before.get(field.name()).orElse(null);
      String now1 = settings.get(field.name()).orElse(null);
      if (!java.util.Objects.equals(old, now1)) {
        changed.add(field.label());
        register.record(
            ConfigCategory.INTEGRATIONS, kind.registerItem(field), old, now1, change.reference());
      }
    }
    SecretCipher cipher = typed.isEmpty() ? null : masterKeys.cipher();
    String slug = TenantContext.require().slug();
    Map<IntegrationField, EncryptedSecret> toStore = new LinkedHashMap<>();
    for (IntegrationField field : kind.secretFields()) {
      SecretValue secret = typed.get(field.name());
      IntegrationSecretRow existing = stored.get(field.name());
      byte[] aad = SecretCipher.associatedData(slug, kind, field.name());
      if (secret != null) {
        if (existing != null && sameSecret(cipher, existing, aad, secret)) {
          continue;
        }
        toStore.put(field, cipher.encrypt(secret, aad));
        changed.add(field.label());
        register.record(
            ConfigCategory.INTEGRATIONS,
            kind.registerItem(field),
            existing == null ? null : SET,
            existing == null ? SET : CHANGED,
            change.reference());
      } else if (removing.contains(field.name()) && existing != null) {
        em.remove(existing);
        changed.add(field.label());
        register.record(
            ConfigCategory.INTEGRATIONS,
            kind.registerItem(field),
            SET,
            REMOVED,
            change.reference());
      }
    }
    if (changed.isEmpty() && row != null) {
      throw new CommandRuleException(
          "command.integration.unchanged", "Nessuna modifica: i valori sono già questi.");
    }
    if (row == null) {
      row = new IntegrationRow(kind);
      row.change(settings, now, by);
      em.persist(row);
      em.flush();
    } else {
      row.change(settings, now, by);
    }
    for (Map.Entry<IntegrationField, EncryptedSecret> entry : toStore.entrySet()) {
      IntegrationSecretRow secretRow = stored.get(entry.getKey().name());
      if (secretRow == null) {
        secretRow = new IntegrationSecretRow(kind, entry.getKey().name());
        secretRow.set(entry.getValue(), now, by);
        em.persist(secretRow);
      } else {
        secretRow.set(entry.getValue(), now, by);
      }
    }
    em.flush();
    if (platformAuthor == null) {
      audit.record(
          COMMAND,
          "Configurazione integrazione",
          AuditOperation.CHANGE,
          kind.name() + ": " + String.join(", ", changed));
    } else {
      auditLog.append(
          new AuditedAction(
              Instant.now(clock),
              platformAuthor,
              "platform-admin",
              AppModule.COMMAND,
              "Configurazione integrazione",
              AuditOperation.CHANGE,
              kind.name() + ": " + String.join(", ", changed)));
    }
    return viewOf(kind);
  }

  /**
   * Tries the saved configuration against the real server (10-second limits) and records the
   * outcome; a failure is an outcome, not an exception.
   */
  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public ConnectionTestOutcome testConnection(IntegrationKind kind) {
    IntegrationRow row = em.find(IntegrationRow.class, kind);
    if (row == null) {
      throw new CommandRuleException(
          "command.integration.not-configured",
          "Salvare la configurazione di " + kind.italianLabel() + " prima di verificarla.");
    }
    IntegrationSettings settings = row.settings();
    Map<String, SecretValue> secrets = decryptAll(kind);
    ConnectionTester.Result result =
        switch (kind) {
          case PEC_SMTP -> ConnectionTester.smtp(settings.smtp(secrets.get("password")));
          case PAGOPA ->
              ConnectionTester.http(
                  URI.create(settings.require("baseUrl")),
                  kind.keyHeader().orElseThrow(),
                  null,
                  secrets.get("subscriptionKey"));
          case SEND ->
              ConnectionTester.http(
                  URI.create(settings.require("baseUrl")),
                  kind.keyHeader().orElseThrow(),
                  null,
                  secrets.get("apiKey"));
          case PROTOCOL ->
              ConnectionTester.http(
                  URI.create(settings.require("endpointUrl")),
                  null,
                  settings.get("username").orElse(null),
                  secrets.get("token"));
          case GIS ->
              ConnectionTester.http(
                  URI.create(settings.require("endpointUrl")),
                  kind.keyHeader().orElseThrow(),
                  null,
                  secrets.get("apiKey"));
          case SEAL -> sealCheck(settings, secrets.get("privateKey"));
        };
    ConnectionTestOutcome outcome =
        new ConnectionTestOutcome(Instant.now(clock), result.ok(), result.message());
    row.tested(outcome);
    audit.record(
        COMMAND,
        "Verifica connessione integrazione",
        AuditOperation.VALIDATE,
        kind.name() + ": " + (outcome.ok() ? "riuscita" : "fallita - " + outcome.message()));
    if (!outcome.ok()) {
      LOG.infof("Connection test of %s failed: %s", kind, outcome.message());
    }
    return outcome;
  }

  /**
   * The last connection test of {@code kind}, for the Command anomalies (CMD-8: "Connessione
   * fallita con PagoPA o PEC"). Not authorised by itself: it reveals no setting.
   */
  public Optional<ConnectionTestOutcome> lastTest(IntegrationKind kind) {
    return Optional.ofNullable(em.find(IntegrationRow.class, kind))
        .flatMap(IntegrationRow::lastTest);
  }

  /**
   * The tenant's own SMTP server with its decrypted password, for the mailers; empty when the
   * tenant has not configured one. Not authorised: called by timers; never shown to anybody.
   *
   * @throws CommandRuleException when the password cannot be decrypted (key missing or altered);
   *     the caller's transaction is not marked for rollback by it
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<SmtpSettings> smtpForUse() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.PEC_SMTP);
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(row.settings().smtp(decryptAll(IntegrationKind.PEC_SMTP).get("password")));
  }

  /**
   * Where the command's PEC provider leaves the receipts: the IMAP server of the PEC_SMTP
   * integration, with the SMTP login and protection.
   */
  public record PecMailbox(
      String host, int port, TlsMode tls, String username, SecretValue password) {
    @Override
    public String toString() {
      return "PecMailbox[" + host + ":" + port + ", " + username + "]";
    }
  }

  /**
   * The command's PEC mailbox with its decrypted password, if the PEC_SMTP integration names an
   * IMAP server. Not authorised: read by the timer that collects the PEC receipts; the password is
   * never shown nor logged.
   *
   * @throws CommandRuleException when the password cannot be decrypted (key missing or altered);
   *     the caller's transaction is not marked for rollback by it
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<PecMailbox> pecMailboxForUse() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.PEC_SMTP);
    if (row == null) {
      return Optional.empty();
    }
    IntegrationSettings settings = row.settings();
    Optional<String> host = settings.get("imapHost");
    Optional<String> username = settings.get("username");
    if (host.isEmpty() || settings.get("imapPort").isEmpty() || username.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PecMailbox(
            host.get(),
            Integer.parseInt(settings.require("imapPort")),
            TlsMode.valueOf(settings.require("tlsMode")),
            username.get(),
            decryptAll(IntegrationKind.PEC_SMTP).get("password")));
  }

  /** A seal ready to sign: the private key with its certificate. */
  public record Seal(java.security.KeyStore.PrivateKeyEntry key, String holder) {}

  /**
   * The command's electronic seal, if configured and usable (key and certificate match). Not
   * authorised: acts are sealed with it when printed; the key never leaves this call but as the
   * entry to sign with, and is never logged.
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<Seal> sealForUse() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.SEAL);
    if (row == null) {
      return Optional.empty();
    }
    SecretValue key = decryptAll(IntegrationKind.SEAL).get("privateKey");
    return sealOf(row.settings(), key);
  }

  private static Optional<Seal> sealOf(IntegrationSettings settings, SecretValue key) {
    var certificate = IntegrationSettings.certificate(settings.require("certificate"));
    if (certificate.isEmpty() || key == null) {
      return Optional.empty();
    }
    try {
      String body =
          key.reveal()
              .replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      byte[] der = java.util.Base64.getDecoder().decode(body);
      String algorithm = certificate.get().getPublicKey().getAlgorithm();
      java.security.PrivateKey privateKey =
          java.security.KeyFactory.getInstance(algorithm)
              .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
      // The key must be the certificate's: sign and verify a probe.
      String signatureAlgorithm = algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
      java.security.Signature signer = java.security.Signature.getInstance(signatureAlgorithm);
      signer.initSign(privateKey);
      signer.update(new byte[] {1, 2, 3});
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance(signatureAlgorithm);
      verifier.initVerify(certificate.get().getPublicKey());
      verifier.update(new byte[] {1, 2, 3});
      if (!verifier.verify(signature)) {
        return Optional.empty();
      }
      return Optional.of(
          new Seal(
              new java.security.KeyStore.PrivateKeyEntry(
                  privateKey, new java.security.cert.Certificate[] {certificate.get()}),
              certificate.get().getSubjectX500Principal().getName()));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ConnectionTester.Result sealCheck(IntegrationSettings settings, SecretValue key) {
    var certificate = IntegrationSettings.certificate(settings.require("certificate"));
    if (certificate.isEmpty()) {
      return new ConnectionTester.Result(false, "Il certificato non è leggibile.");
    }
    try {
      certificate.get().checkValidity();
    } catch (java.security.cert.CertificateException e) {
      return new ConnectionTester.Result(
          false, "Il certificato del sigillo è scaduto o non ancora valido.");
    }
    return sealOf(settings, key).isPresent()
        ? new ConnectionTester.Result(
            true, "Chiave e certificato corrispondono: i verbali saranno sigillati.")
        : new ConnectionTester.Result(
            false, "La chiave privata non corrisponde al certificato o non è leggibile.");
  }

  /**
   * The pagoPA creditor the command's notices name (not secret): tax code, segregation code, IBAN.
   */
  public record PagoPaCreditor(String creditorTaxCode, String segregationCode, String iban) {}

  /**
   * The pagoPA creditor data of the current tenant, if configured (Comando › Integrazioni ›
   * pagoPA). Not authorised: verbali are priced and printed with it; it holds no secret.
   */
  public Optional<PagoPaCreditor> pagoPaCreditor() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.PAGOPA);
    if (row == null) {
      return Optional.empty();
    }
    IntegrationSettings settings = row.settings();
    return Optional.of(
        new PagoPaCreditor(
            settings.require("creditorTaxCode"),
            settings.require("segregationCode"),
            settings.get("iban").orElse(null)));
  }

  /** What the pagoPA GPD adapter needs: where, with which key, for which creditor. */
  public record PagoPaAccess(
      java.net.URI baseUrl,
      SecretValue subscriptionKey,
      String creditorTaxCode,
      String segregationCode,
      String iban,
      String taxonomy) {
    @Override
    public String toString() {
      return "PagoPaAccess[" + baseUrl + ", " + creditorTaxCode + "]";
    }
  }

  /**
   * The command's pagoPA GPD access with its decrypted subscription key, if configured. Not
   * authorised: used by the payments adapters; the key is never shown nor logged.
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<PagoPaAccess> pagoPaForUse() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.PAGOPA);
    if (row == null) {
      return Optional.empty();
    }
    IntegrationSettings settings = row.settings();
    SecretValue key = decryptAll(IntegrationKind.PAGOPA).get("subscriptionKey");
    return Optional.of(
        new PagoPaAccess(
            java.net.URI.create(settings.require("baseUrl")),
            key,
            settings.require("creditorTaxCode"),
            settings.require("segregationCode"),
            settings.get("iban").orElse(null),
            settings
                .get("taxonomy")
                .orElse(it.ksanctions.command.domain.IntegrationKind.DEFAULT_PAGOPA_TAXONOMY)));
  }

  /**
   * Whether {@code presented} is the command's receipt key (compared in constant time); false when
   * the command has none. Not authorised: it authenticates the pagoPA node's receipt pushes.
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public boolean receiptKeyMatches(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.PAGOPA);
    if (row == null) {
      return false;
    }
    SecretValue key = decryptAll(IntegrationKind.PAGOPA).get("receiptKey");
    if (key == null) {
      return false;
    }
    return java.security.MessageDigest.isEqual(
        key.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What the SEND adapter needs: where, its API key and the PDND client that signs vouchers. */
  public record SendAccess(
      java.net.URI baseUrl,
      SecretValue apiKey,
      String pdndClientId,
      String pdndKeyId,
      SecretValue privateKey) {
    @Override
    public String toString() {
      return "SendAccess[" + baseUrl + ", " + pdndClientId + "]";
    }
  }

  /**
   * The command's SEND access with its decrypted API key and PDND private key, if configured. Not
   * authorised: used by the notifications adapters; secrets are never shown nor logged.
   */
  @Transactional(dontRollbackOn = CommandRuleException.class)
  public Optional<SendAccess> sendForUse() {
    IntegrationRow row = em.find(IntegrationRow.class, IntegrationKind.SEND);
    if (row == null) {
      return Optional.empty();
    }
    IntegrationSettings settings = row.settings();
    var secrets = decryptAll(IntegrationKind.SEND);
    return Optional.of(
        new SendAccess(
            java.net.URI.create(settings.require("baseUrl")),
            secrets.get("apiKey"),
            settings.require("pdndClientId"),
            settings.require("pdndKeyId"),
            secrets.get("privateKey")));
  }

  /**
   * Re-encrypts every secret of the current tenant that is not under {@code targetVersion}
   * (rotation, run by vendor support through {@link CredentialKeyRotation}); idempotent.
   *
   * @param platformUser who asked, for the tenant's audit log
   * @return how many secrets were re-encrypted
   */
  public int reencrypt(int targetVersion, String platformUser) {
    MasterKeys keys = masterKeys.current();
    keys.key(targetVersion);
    SecretCipher cipher = new SecretCipher(keys);
    String slug = TenantContext.require().slug();
    int count = 0;
    for (IntegrationSecretRow row :
        em.createQuery(
                "select s from IntegrationSecretRow s order by s.kind, s.field",
                IntegrationSecretRow.class)
            .getResultList()) {
      if (row.keyVersion() == targetVersion) {
        continue;
      }
      byte[] aad = SecretCipher.associatedData(slug, row.kind(), row.field());
      row.reencrypted(cipher.encrypt(cipher.decrypt(row.encrypted(), aad), aad, targetVersion));
      count++;
    }
    if (count > 0) {
      em.flush();
      auditLog.append(
          new AuditedAction(
              Instant.now(clock),
              platformUser,
              "platform-admin",
              AppModule.COMMAND,
              "Rotazione chiave credenziali integrazioni",
              AuditOperation.CHANGE,
              count + " segreti cifrati con la chiave versione " + targetVersion));
    }
    return count;
  }

  private IntegrationView viewOf(IntegrationKind kind) {
    IntegrationRow row = em.find(IntegrationRow.class, kind);
    Map<String, IntegrationSecretRow> stored = secretRows(kind);
    SecretCipher cipher = null;
    String keyProblem = null;
    if (!stored.isEmpty()) {
      try {
        cipher = masterKeys.cipher();
      } catch (CommandRuleException e) {
        keyProblem = e.italianMessage();
      }
    }
    String slug = TenantContext.require().slug();
    List<SecretState> secrets = new ArrayList<>();
    for (IntegrationField field : kind.secretFields()) {
      IntegrationSecretRow secretRow = stored.get(field.name());
      if (secretRow == null) {
        secrets.add(new SecretState(field, false, "", null, null, null));
        continue;
      }
      String mask = SecretValue.BULLETS;
      String note = keyProblem;
      if (cipher != null) {
        try {
          SecretValue value =
              cipher.decrypt(
                  secretRow.encrypted(), SecretCipher.associatedData(slug, kind, field.name()));
          mask = field.maskShowsTail() ? value.mask() : SecretValue.BULLETS;
        } catch (CommandRuleException e) {
          note = e.italianMessage();
        }
      }
      secrets.add(new SecretState(field, true, mask, secretRow.setAt(), secretRow.setBy(), note));
    }
    return new IntegrationView(
        kind,
        row != null,
        row == null ? Map.of() : row.settings().values(),
        secrets,
        row == null ? null : row.updatedAt(),
        row == null ? null : row.updatedBy(),
        row == null ? null : row.lastTest().orElse(null));
  }

  private Map<String, IntegrationSecretRow> secretRows(IntegrationKind kind) {
    Map<String, IntegrationSecretRow> rows = new HashMap<>();
    for (IntegrationSecretRow row :
        em.createQuery(
                "select s from IntegrationSecretRow s where s.kind = :kind",
                IntegrationSecretRow.class)
            .setParameter("kind", kind)
            .getResultList()) {
      rows.put(row.field(), row);
    }
    return rows;
  }

  private Map<String, SecretValue> decryptAll(IntegrationKind kind) {
    Map<String, IntegrationSecretRow> stored = secretRows(kind);
    Map<String, SecretValue> secrets = new HashMap<>();
    if (stored.isEmpty()) {
      return secrets;
    }
    SecretCipher cipher = masterKeys.cipher();
    String slug = TenantContext.require().slug();
    stored.forEach(
        (name, row) ->
            secrets.put(
                name,
                cipher.decrypt(row.encrypted(), SecretCipher.associatedData(slug, kind, name))));
    return secrets;
  }

  private static boolean sameSecret(
      SecretCipher cipher, IntegrationSecretRow existing, byte[] aad, SecretValue typed) {
    try {
      return cipher.decrypt(existing.encrypted(), aad).sameAs(typed);
    } catch (CommandRuleException unreadable) {
      return false; // replaced by the value typed now
    }
  }
}
