package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.devices.domain.Device;
import it.ksanctions.devices.domain.DeviceCategory;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DeviceSecrets;
import it.ksanctions.devices.domain.DeviceStatus;
import it.ksanctions.devices.infrastructure.AccessRow;
import it.ksanctions.devices.infrastructure.CredentialRow;
import it.ksanctions.devices.infrastructure.DeviceHistoryRow;
import it.ksanctions.devices.infrastructure.DeviceRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffDirectory;
import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The backend of the mobile app (DEV-2, DEV-4): activation of a registered device with a one-time
 * code, the device credential presented on every call (renewed periodically, revocable), and the
 * download of the configuration tables changed since the last sync. Every call also carries the
 * officer's own token: the device and the person are both identified, and both are logged.
 *
 * <p>The tables come from the contexts that own them, through their published services ({@link
 * ArticleCatalogue}, {@link PlaceDirectory}, {@link StaffDirectory}), one query each whatever the
 * size of the catalogue.
 */
@ApplicationScoped
@Transactional
public class MobileDeviceGateway {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject StaffDirectory staff;
  @Inject DeviceAlertSettings alertSettings;
  @Inject ArticleCatalogue catalogue;
  @Inject PlaceDirectory placeDirectory;
  @Inject DeviceAccessLog accessLog;
  @Inject it.ksanctions.tenancy.registry.TenantRegistry registry;

  Clock clock = Clock.systemUTC();

  /** A refused mobile call: 401 for the app, logged and alerted. */
  public static class DeviceAccessRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceAccessRefused(String message) {
      super(message);
    }
  }

  /** A credential just issued: shown once, only its hash is kept. */
  public record IssuedCredential(String deviceCode, String credential, Instant expiresAt) {}

  /**
   * Exchanges a one-time activation code (issued in the back office) for the device credential.
   *
   * @param identifier the device's IMEI, serial or internal id, as registered
   */
  @Authorized(module = DEVICES, action = ACCESS)
  public IssuedCredential activate(String identifier, String activationCode, String appVersion) {
    String username = currentStaff.requireActive().username();
    DeviceRow device = deviceFor(identifier, username, "ACTIVATE");
    Instant now = clock.instant();
    Optional<CredentialRow> code =
        findSecret(device.code(), CredentialRow.ACTIVATION, activationCode)
            .filter(c -> c.usable(now));
    if (code.isEmpty()) {
      throw refuse(
          device.code(),
          identifier,
          username,
          "ACTIVATE",
          "codice di attivazione errato o scaduto");
    }
    code.get().use(now);
    IssuedCredential issued = issue(device, username, now, "Attivazione dell'app");
    device.synchronised(device.lastSyncAt(), appVersion);
    em.persist(
        new AccessRow(
            device.code(), identifier, username, now, "ACTIVATE", AccessRow.OK, 0, 0, null));
    return issued;
  }

  /** A new credential in exchange for a valid one, which is revoked (periodic renewal). */
  @Authorized(module = DEVICES, action = ACCESS)
  public IssuedCredential renew(String identifier, String credential) {
    String username = currentStaff.requireActive().username();
    DeviceRow device = authenticate(identifier, credential, username, "RENEW");
    Instant now = clock.instant();
    findSecret(device.code(), CredentialRow.CREDENTIAL, credential)
        .ifPresent(c -> c.revoke(now, username));
    IssuedCredential issued = issue(device, username, now, "Rinnovo periodico");
    em.persist(
        new AccessRow(device.code(), identifier, username, now, "RENEW", AccessRow.OK, 0, 0, null));
    return issued;
  }

  /**
   * The configuration tables for the app (articles, places, officers, settings) as JSON: articles
   * and places changed after {@code since} (all when null), officers and settings in full. The
   * session is logged with its volume.
   */
  @Authorized(module = DEVICES, action = ACCESS)
  public String sync(String identifier, String credential, Instant since, String appVersion) {
    String username = currentStaff.requireActive().username();
    DeviceRow device = authenticate(identifier, credential, username, "SYNC");
    Instant now = clock.instant();
    Instant from = since == null ? Instant.EPOCH : since;
    List<Map<String, Object>> articles =
        catalogue.changedSince(from).stream().map(MobileDeviceGateway::article).toList();
    List<Map<String, Object>> places =
        placeDirectory.changedSince(from).stream().map(MobileDeviceGateway::place).toList();
    List<Map<String, Object>> officers =
        staff.activeStaff().stream()
            .map(
                u -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("username", u.username());
                  o.put("name", u.givenName() + " " + u.surname());
                  o.put("department", u.departmentId());
                  return o;
                })
            .toList();
    AlertSettings thresholds = alertSettings.thresholds();
    Map<String, Object> operating = new LinkedHashMap<>();
    operating.put("syncMaxDays", String.valueOf(thresholds.syncMaxDays()));
    operating.put("credentialDays", String.valueOf(thresholds.credentialDays()));
    operating.put(
        "patronSaintDay",
        registry
            .find(it.ksanctions.tenancy.context.TenantContext.require().slug())
            .map(it.ksanctions.tenancy.registry.Tenant::getPatronSaintDay)
            .orElse(null));

    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("serverTime", now.toString());
    payload.put("device", device.code());
    payload.put("since", since == null ? null : since.toString());
    payload.put("articles", articles);
    payload.put("places", places);
    payload.put("officers", officers);
    payload.put("settings", operating);
    String json;
    try (Jsonb jsonb = JsonbBuilder.create()) {
      json = jsonb.toJson(payload);
    } catch (Exception e) {
      throw new IllegalStateException("Sync payload not serialisable", e);
    }
    int records = articles.size() + places.size() + officers.size();
    device.synchronised(now, appVersion);
    em.persist(
        new AccessRow(
            device.code(),
            identifier,
            username,
            now,
            "SYNC",
            AccessRow.OK,
            records,
            json.getBytes(StandardCharsets.UTF_8).length,
            null));
    return json;
  }

  /** A call of the mobile app, authenticated: the device and the officer using it. */
  public record DeviceCall(String deviceCode, String officer, String officerDepartment) {}

  /**
   * Authenticates a call of the mobile app that another context serves (the upload of pre-notices,
   * the blocks of verbale numbers of Sanctions) exactly as {@link #sync} does: the officer's token
   * (already signed in), a registered and active mobile device usable by this officer, and its
   * valid credential. A refusal is a {@link DeviceAccessRefused} (401 for the app), logged and
   * alerted. The call is logged as an access of the device with {@code operation} and counts as a
   * communication (last sync, app version), without touching the device's version: concurrent calls
   * of one device never conflict.
   *
   * @param operation what the app is doing, as the device's access log shows it (up to 20
   *     characters, e.g. {@code PRE_NOTICES})
   */
  @Authorized(module = DEVICES, action = ACCESS)
  public DeviceCall authenticateCall(
      String identifier, String credential, String appVersion, String operation) {
    StaffProfile officer = currentStaff.requireActive();
    DeviceRow device = authenticate(identifier, credential, officer.username(), operation);
    Instant now = clock.instant();
    String version =
        appVersion == null || appVersion.isBlank()
            ? null
            : appVersion.strip().substring(0, Math.min(60, appVersion.strip().length()));
    if (version == null) {
      em.createQuery("update DeviceRow d set d.lastSyncAt = :now where d.code = :code")
          .setParameter("now", now)
          .setParameter("code", device.code())
          .executeUpdate();
    } else {
      em.createQuery(
              "update DeviceRow d set d.lastSyncAt = :now, d.appVersion = :version"
                  + " where d.code = :code")
          .setParameter("now", now)
          .setParameter("version", version)
          .setParameter("code", device.code())
          .executeUpdate();
    }
    em.persist(
        new AccessRow(
            device.code(),
            identifier,
            officer.username(),
            now,
            operation,
            AccessRow.OK,
            0,
            0,
            null));
    return new DeviceCall(device.code(), officer.username(), officer.departmentId());
  }

  private DeviceRow authenticate(
      String identifier, String credential, String username, String operation) {
    DeviceRow device = deviceFor(identifier, username, operation);
    Instant now = clock.instant();
    Optional<CredentialRow> found = findSecret(device.code(), CredentialRow.CREDENTIAL, credential);
    if (found.isEmpty()) {
      throw refuse(device.code(), identifier, username, operation, "credenziale non riconosciuta");
    }
    if (found.get().revokedAt() != null) {
      throw refuse(device.code(), identifier, username, operation, "credenziale revocata");
    }
    if (!now.isBefore(found.get().expiresAt())) {
      throw refuse(device.code(), identifier, username, operation, "credenziale scaduta");
    }
    return device;
  }

  /** The registered, active mobile device with this identifier, usable by this officer. */
  private DeviceRow deviceFor(String identifier, String username, String operation) {
    String normal =
        identifier == null ? "" : identifier.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    Optional<DeviceRow> found =
        normal.isEmpty()
            ? Optional.empty()
            : em
                .createQuery(
                    "select d from DeviceRow d where d.identifier = :id and d.category = :mobile",
                    DeviceRow.class)
                .setParameter("id", normal)
                .setParameter("mobile", DeviceCategory.MOBILE)
                .getResultList()
                .stream()
                .findFirst();
    if (found.isEmpty()) {
      throw refuse(null, normal, username, operation, "dispositivo non registrato");
    }
    DeviceRow device = found.get();
    if (device.status() != DeviceStatus.ACTIVE) {
      throw refuse(
          device.code(),
          normal,
          username,
          operation,
          "dispositivo " + device.status().italianLabel().toLowerCase(Locale.ITALIAN));
    }
    DeviceData data = device.data();
    StaffProfile profile = currentStaff.requireActive();
    boolean assigned =
        data.assignedOfficer() != null
            ? data.assignedOfficer().equalsIgnoreCase(username)
            : data.assignedDepartment() == null
                || data.assignedDepartment().equalsIgnoreCase(profile.departmentId())
                || StaffDirectory.WHOLE_COMMAND_DEPARTMENT.equalsIgnoreCase(profile.departmentId());
    if (!assigned) {
      throw refuse(
          device.code(),
          normal,
          username,
          operation,
          "dispositivo assegnato ad altro agente o reparto");
    }
    return device;
  }

  private IssuedCredential issue(DeviceRow device, String username, Instant now, String reason) {
    int days = alertSettings.thresholds().credentialDays();
    String credential = DeviceSecrets.newCredential();
    Instant expires = now.plus(Duration.ofDays(days));
    em.persist(
        new CredentialRow(
            device.code(),
            CredentialRow.CREDENTIAL,
            DeviceSecrets.hash(credential),
            now,
            username,
            expires));
    Device domain = device.toDomain();
    domain.recordCredential(
        "Credenziale emessa, valida fino al " + expires.toString().substring(0, 10),
        username,
        now,
        reason);
    domain.newEntries().forEach(e -> em.persist(DeviceHistoryRow.of(device.code(), e)));
    return new IssuedCredential(device.code(), credential, expires);
  }

  private Optional<CredentialRow> findSecret(String deviceCode, String kind, String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    return em
        .createQuery(
            "select c from CredentialRow c where c.secretHash = :h and c.deviceCode = :d and"
                + " c.kind = :k",
            CredentialRow.class)
        .setParameter("h", DeviceSecrets.hash(secret))
        .setParameter("d", deviceCode)
        .setParameter("k", kind)
        .getResultList()
        .stream()
        .filter(c -> DeviceSecrets.matches(secret, c.secretHash()))
        .findFirst();
  }

  private DeviceAccessRefused refuse(
      String deviceCode, String presentedId, String username, String operation, String why) {
    accessLog.refused(deviceCode, presentedId, username, operation, why);
    return new DeviceAccessRefused(why);
  }

  private static Map<String, Object> article(CataloguedVersion a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", a.getCode());
    m.put("description", a.getDescription());
    m.put("shortDescription", a.getShortDescription());
    m.put("points", a.getPoints());
    m.put("minimum", a.getMinimumAmount().toPlainString());
    m.put("maximum", a.getMaximumAmount().toPlainString());
    m.put("validFrom", a.getValidFrom().toString());
    m.put("validTo", a.getValidTo() == null ? null : a.getValidTo().toString());
    m.put("status", a.getStatus());
    return m;
  }

  private static Map<String, Object> place(Place p) {
    PlaceData d = p.current();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", p.code());
    m.put("name", d.name());
    m.put("category", d.category().name());
    m.put("zone", d.zone());
    m.put("latitude", d.coordinates().latitude().toPlainString());
    m.put("longitude", d.coordinates().longitude().toPlainString());
    m.put("status", p.status().name());
    return m;
  }
}
