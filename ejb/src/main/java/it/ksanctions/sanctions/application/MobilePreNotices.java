package it.ksanctions.sanctions.application;

import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppModule.PRE_NOTICES;

import it.ksanctions.devices.application.MobileDeviceGateway;
import it.ksanctions.devices.application.MobileDeviceGateway.DeviceCall;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.sanctions.application.PreNoticeIntake.Outcome;
import it.ksanctions.sanctions.domain.Photo;
import it.ksanctions.sanctions.domain.Plate;
import it.ksanctions.sanctions.domain.PreNoticeDraft;
import it.ksanctions.sanctions.domain.PreNoticeOrigin;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.shared.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The upload of pre-notices from the mobile app (DEV-4, LIF-1): a batch recorded offline in the
 * field, sent at the next connection with the officer's token and the device's credential (the
 * Devices context authenticates the call). Each pre-notice is kept or refused on its own — an
 * unknown article, an inactive place, a time in the future, a malformed plate or photo refuse that
 * item with the Italian reason, the rest is kept — and once per UUID: a batch sent twice, or cut
 * halfway and sent again, stores each pre-notice once and answers {@code ALREADY_RECEIVED} for the
 * ones already there. Every call is one row of the sync-session log with its counts and anomalies.
 *
 * <p>No transaction of its own: the device check, the session log and every item commit separately.
 */
@ApplicationScoped
public class MobilePreNotices {

  private static final Logger LOG = Logger.getLogger(MobilePreNotices.class);

  public static final int MAX_BATCH = 1_000;
  static final String OPERATION = "PRE_NOTICES";

  @Inject MobileDeviceGateway gateway;
  @Inject PreNoticeIntake intake;
  @Inject SyncSessions sessions;
  @Inject AuditRecorder audit;

  Clock clock = Clock.systemUTC();

  /** One pre-notice as the app sends it: texts, photos in base64. */
  public record UploadItem(
      String id,
      String violationAt,
      String placeCode,
      String articleCode,
      String plate,
      String plateCountry,
      String vehicleType,
      String notes,
      String verbaleNumber,
      List<String> photos) {}

  /** What became of one pre-notice: the reason and the rule's code when refused. */
  public record ItemResult(String id, Outcome outcome, String code, String reason) {}

  /** The answer to a batch: its session and one result per item, in the order received. */
  public record UploadReport(long session, List<ItemResult> items) {
    public long count(Outcome outcome) {
      return items.stream().filter(i -> i.outcome() == outcome).count();
    }
  }

  /**
   * Receives a batch from a device.
   *
   * @param bytes the size of the request body, for the session log
   * @throws MobileDeviceGateway.DeviceAccessRefused when the device may not call (401)
   * @throws SanctionsRuleException for an empty batch or one over {@value #MAX_BATCH} items
   */
  @Authorized(module = PRE_NOTICES, action = CREATE)
  @Transactional(TxType.NOT_SUPPORTED)
  public UploadReport upload(
      String deviceId, String credential, String appVersion, List<UploadItem> items, long bytes) {
    if (items == null || items.isEmpty()) {
      throw new SanctionsRuleException(SanctionsRule.BATCH_EMPTY);
    }
    if (items.size() > MAX_BATCH) {
      throw new SanctionsRuleException(SanctionsRule.BATCH_TOO_LARGE, String.valueOf(items.size()));
    }
    DeviceCall call = gateway.authenticateCall(deviceId, credential, appVersion, OPERATION);
    long session =
        sessions.open(
            call.deviceCode(), call.officer(), OPERATION, clock.instant(), items.size(), bytes);
    List<ItemResult> results = new ArrayList<>(items.size());
    StringBuilder anomalies = new StringBuilder();
    for (UploadItem item : items) {
      ItemResult result = receive(item, call, session);
      results.add(result);
      if (result.outcome() == Outcome.REFUSED) {
        anomalies
            .append(result.id())
            .append(": ")
            .append(result.reason())
            .append(" (")
            .append(result.code())
            .append(")\n");
      }
    }
    UploadReport report = new UploadReport(session, List.copyOf(results));
    sessions.close(
        session,
        clock.instant(),
        (int) report.count(Outcome.CREATED),
        (int) report.count(Outcome.ALREADY_RECEIVED),
        (int) report.count(Outcome.REFUSED),
        anomalies.toString().strip());
    audit.record(
        PRE_NOTICES,
        "Caricamento preavvisi dal dispositivo mobile",
        AuditOperation.CHANGE,
        "sessione "
            + session
            + ", dispositivo "
            + call.deviceCode()
            + ": "
            + report.count(Outcome.CREATED)
            + " registrati, "
            + report.count(Outcome.ALREADY_RECEIVED)
            + " già ricevuti, "
            + report.count(Outcome.REFUSED)
            + " rifiutati");
    return report;
  }

  private ItemResult receive(UploadItem item, DeviceCall call, long session) {
    String shownId = item == null || item.id() == null ? null : item.id().strip();
    UUID id = null;
    try {
      PreNoticeDraft draft = draft(item, call);
      id = draft.id();
      Outcome outcome = intake.receive(draft, call, session, clock.instant());
      return new ItemResult(shownId, outcome, null, null);
    } catch (RuntimeException e) {
      Optional<RuleViolation> rule = ruleIn(e);
      if (rule.isPresent()) {
        return refused(shownId, rule.get());
      }
      // Not a rule: the storage failed (e.g. the same UUID stored by a concurrent upload past
      // the lock). The device resends anyway; tell it whether the pre-notice is there.
      if (id != null) {
        try {
          Optional<Outcome> stored = intake.storedAlready(id, call);
          if (stored.isPresent()) {
            return new ItemResult(shownId, stored.get(), null, null);
          }
        } catch (RuntimeException again) {
          Optional<RuleViolation> taken = ruleIn(again);
          if (taken.isPresent()) {
            return refused(shownId, taken.get());
          }
        }
      }
      LOG.warnf(e, "Pre-notice %s of device %s not stored", shownId, call.deviceCode());
      return refused(shownId, new SanctionsRuleException(SanctionsRule.NOT_STORED));
    }
  }

  private static ItemResult refused(String id, RuleViolation rule) {
    return new ItemResult(id, Outcome.REFUSED, rule.code(), rule.italianMessage());
  }

  /** The draft of an item: parsing errors are the item's refusal, like any rule. */
  static PreNoticeDraft draft(UploadItem item, DeviceCall call) {
    if (item == null) {
      throw new SanctionsRuleException(SanctionsRule.ID_REQUIRED);
    }
    UUID id;
    try {
      id = item.id() == null ? null : UUID.fromString(item.id().strip());
    } catch (IllegalArgumentException e) {
      throw new SanctionsRuleException(SanctionsRule.ID_REQUIRED, item.id());
    }
    if (id == null) {
      throw new SanctionsRuleException(SanctionsRule.ID_REQUIRED);
    }
    return new PreNoticeDraft(
        id,
        PreNoticeOrigin.MOBILE,
        instant(item.violationAt()),
        item.placeCode(),
        item.articleCode(),
        Plate.of(item.plate(), item.plateCountry()),
        vehicleType(item.vehicleType()),
        call.officer(),
        call.officerDepartment(),
        item.notes(),
        photos(item.photos()),
        call.deviceCode(),
        item.verbaleNumber());
  }

  /** An ISO-8601 instant ({@code 2026-11-23T10:15:30Z}) or date-time with offset. */
  static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      throw new SanctionsRuleException(SanctionsRule.VIOLATION_TIME_REQUIRED);
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new SanctionsRuleException(SanctionsRule.VIOLATION_TIME_INVALID, text);
    }
  }

  static VehicleType vehicleType(String text) {
    if (text == null || text.isBlank()) {
      throw new SanctionsRuleException(SanctionsRule.VEHICLE_TYPE_REQUIRED);
    }
    try {
      return VehicleType.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SanctionsRuleException(SanctionsRule.VEHICLE_TYPE_REQUIRED, text);
    }
  }

  static List<Photo> photos(List<String> encoded) {
    if (encoded == null) {
      return List.of();
    }
    if (encoded.size() > Photo.MAX_PER_PRE_NOTICE) {
      throw new SanctionsRuleException(
          SanctionsRule.TOO_MANY_PHOTOS, String.valueOf(encoded.size()));
    }
    List<Photo> photos = new ArrayList<>();
    for (String text : encoded) {
      byte[] content;
      try {
        // Line breaks of MIME-style base64 are allowed, any other stray character is not.
        content = Base64.getDecoder().decode(text == null ? "" : text.replaceAll("\\s", ""));
      } catch (IllegalArgumentException e) {
        throw new SanctionsRuleException(SanctionsRule.PHOTO_ENCODING);
      }
      photos.add(Photo.of(content));
    }
    return photos;
  }

  static Optional<RuleViolation> ruleIn(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof RuleViolation violation) {
        return Optional.of(violation);
      }
      if (e.getCause() == e) {
        break;
      }
    }
    return Optional.empty();
  }
}
