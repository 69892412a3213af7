package it.ksanctions.sanctions.domain;

import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.InvalidArticleCodeException;
import it.ksanctions.permissions.domain.RecordOwnership;
import it.ksanctions.permissions.domain.VisibilityScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A pre-notice (preavviso, SPEC LIF-1): a violation noted by an officer, in the field with the
 * mobile app or on a paper form, that the office then validates (it becomes a verbale) or archives
 * with a reason ("veicolo in emergenza", "targa illeggibile"); a manager may restore an archived
 * one. Its identity is a UUID chosen by whoever created it, so that a device that sends it twice
 * creates it once.
 *
 * <p>The rules that need nothing but the pre-notice live here: required data, a violation time not
 * in the future (beyond {@link #CLOCK_SKEW} of a device's clock), the plate's format, the photos'
 * content and number, the transitions of the status, plate corrections with a reason. Whether the
 * article was in force and the place is active is asked of their contexts by the application layer.
 */
public final class PreNotice {

  /** How far ahead of the server's clock a device's clock may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  public static final int NOTES_MAX = 2_000;
  public static final int REASON_MAX = 500;

  /**
   * The usual reasons to archive a pre-notice, offered by the back office (any text is allowed).
   */
  public static final List<String> USUAL_ARCHIVE_REASONS =
      List.of(
          "Veicolo in emergenza",
          "Targa illeggibile",
          "Veicolo autorizzato",
          "Dati incompleti o errati",
          "Doppione di un altro preavviso");

  private static final Pattern PLACE_CODE = Pattern.compile("^[A-Z0-9][A-Z0-9._-]{1,29}$");

  private final UUID id;
  private final PreNoticeOrigin origin;
  private final Instant violationAt;
  private final String placeCode;
  private final String articleCode;
  private Plate plate;
  private final VehicleType vehicleType;
  private final String officer;
  private final String department;
  private final String notes;
  private final int photoCount;
  private final String deviceCode;
  private final String verbaleNumber;
  private final Instant recordedAt;
  private final String recordedBy;
  private PreNoticeStatus status;
  private String reviewedBy;
  private Instant reviewedAt;
  private String archiveReason;
  private String restoredBy;
  private Instant restoredAt;
  private final List<PlateCorrection> corrections = new ArrayList<>();
  private final List<PlateCorrection> newCorrections = new ArrayList<>();

  /** The stored state of a pre-notice, to {@link #restore} it. */
  public record State(
      UUID id,
      PreNoticeOrigin origin,
      Instant violationAt,
      String placeCode,
      String articleCode,
      Plate plate,
      VehicleType vehicleType,
      String officer,
      String department,
      String notes,
      int photoCount,
      String deviceCode,
      String verbaleNumber,
      Instant recordedAt,
      String recordedBy,
      PreNoticeStatus status,
      String reviewedBy,
      Instant reviewedAt,
      String archiveReason,
      String restoredBy,
      Instant restoredAt,
      List<PlateCorrection> corrections) {}

  private PreNotice(State s) {
    this.id = s.id();
    this.origin = s.origin();
    this.violationAt = s.violationAt();
    this.placeCode = s.placeCode();
    this.articleCode = s.articleCode();
    this.plate = s.plate();
    this.vehicleType = s.vehicleType();
    this.officer = s.officer();
    this.department = s.department();
    this.notes = s.notes();
    this.photoCount = s.photoCount();
    this.deviceCode = s.deviceCode();
    this.verbaleNumber = s.verbaleNumber();
    this.recordedAt = s.recordedAt();
    this.recordedBy = s.recordedBy();
    this.status = s.status();
    this.reviewedBy = s.reviewedBy();
    this.reviewedAt = s.reviewedAt();
    this.archiveReason = s.archiveReason();
    this.restoredBy = s.restoredBy();
    this.restoredAt = s.restoredAt();
    if (s.corrections() != null) {
      corrections.addAll(s.corrections());
    }
  }

  /**
   * A new pre-notice, {@link PreNoticeStatus#RECORDED}, after the rules that need nothing but its
   * data.
   *
   * @param recordedBy who stores it: the officer with the app, an office clerk for a paper form
   * @param now the server's time of recording
   * @throws SanctionsRuleException naming the first broken rule
   */
  public static PreNotice record(PreNoticeDraft draft, String recordedBy, Instant now) {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(now, "now");
    if (draft.id() == null) {
      throw new SanctionsRuleException(SanctionsRule.ID_REQUIRED);
    }
    if (draft.origin() == null) {
      throw new SanctionsRuleException(SanctionsRule.ORIGIN_REQUIRED);
    }
    if (draft.violationAt() == null) {
      throw new SanctionsRuleException(SanctionsRule.VIOLATION_TIME_REQUIRED);
    }
    if (draft.violationAt().isAfter(now.plus(CLOCK_SKEW))) {
      throw new SanctionsRuleException(
          SanctionsRule.VIOLATION_IN_FUTURE, draft.violationAt() + " > " + now);
    }
    String place = placeCode(draft.placeCode());
    String article = articleCode(draft.articleCode());
    if (draft.plate() == null) {
      throw new SanctionsRuleException(SanctionsRule.PLATE_REQUIRED);
    }
    if (draft.vehicleType() == null) {
      throw new SanctionsRuleException(SanctionsRule.VEHICLE_TYPE_REQUIRED);
    }
    if (blank(draft.officer())) {
      throw new SanctionsRuleException(SanctionsRule.OFFICER_REQUIRED);
    }
    String notes = blank(draft.notes()) ? null : draft.notes().strip();
    if (notes != null && notes.length() > NOTES_MAX) {
      throw new SanctionsRuleException(SanctionsRule.NOTES_TOO_LONG);
    }
    if (draft.photos().size() > Photo.MAX_PER_PRE_NOTICE) {
      throw new SanctionsRuleException(
          SanctionsRule.TOO_MANY_PHOTOS, String.valueOf(draft.photos().size()));
    }
    if (blank(recordedBy)) {
      throw new IllegalArgumentException("A pre-notice is recorded by somebody");
    }
    return new PreNotice(
        new State(
            draft.id(),
            draft.origin(),
            draft.violationAt(),
            place,
            article,
            draft.plate(),
            draft.vehicleType(),
            draft.officer().strip(),
            blank(draft.department()) ? null : draft.department().strip(),
            notes,
            draft.photos().size(),
            blank(draft.deviceCode()) ? null : draft.deviceCode().strip(),
            blank(draft.verbaleNumber()) ? null : draft.verbaleNumber().strip(),
            now,
            recordedBy.strip(),
            PreNoticeStatus.RECORDED,
            null,
            null,
            null,
            null,
            null,
            List.of()));
  }

  /** A pre-notice as stored. */
  public static PreNotice restore(State state) {
    return new PreNotice(Objects.requireNonNull(state, "state"));
  }

  /** The canonical code of a coded place as typed (upper case, no blanks around). */
  public static String placeCode(String code) {
    if (blank(code)) {
      throw new SanctionsRuleException(SanctionsRule.PLACE_REQUIRED);
    }
    String normal = code.strip().toUpperCase(Locale.ROOT);
    if (!PLACE_CODE.matcher(normal).matches()) {
      throw new SanctionsRuleException(SanctionsRule.PLACE_INVALID, code);
    }
    return normal;
  }

  /** The canonical code of an article as typed ({@code 142 c 8} is not, {@code 142C8} is). */
  public static ArticleCode articleCodeOf(String code) {
    if (blank(code)) {
      throw new SanctionsRuleException(SanctionsRule.ARTICLE_REQUIRED);
    }
    try {
      return ArticleCode.parse(code.replace(" ", ""));
    } catch (InvalidArticleCodeException e) {
      throw new SanctionsRuleException(SanctionsRule.ARTICLE_INVALID, code);
    }
  }

  private static String articleCode(String code) {
    return articleCodeOf(code).value();
  }

  /** The office validates it: it will become a verbale. */
  public void validate(String by, Instant at) {
    requireRecorded();
    status = PreNoticeStatus.VALIDATED;
    reviewedBy = author(by);
    reviewedAt = Objects.requireNonNull(at, "at");
  }

  /** The office archives it, with the reason (e.g. "veicolo in emergenza"). */
  public void archive(String reason, String by, Instant at) {
    requireRecorded();
    archiveReason = reason(reason);
    status = PreNoticeStatus.ARCHIVED;
    reviewedBy = author(by);
    reviewedAt = Objects.requireNonNull(at, "at");
  }

  /**
   * A manager brings an archived pre-notice back to {@link PreNoticeStatus#RECORDED}; the reason it
   * was archived stays in its history.
   *
   * @param scope the visibility scope of whoever restores it: only the whole command's (managers)
   */
  public void restore(String by, Instant at, VisibilityScope scope) {
    if (status != PreNoticeStatus.ARCHIVED) {
      throw new SanctionsRuleException(SanctionsRule.NOT_ARCHIVED, id.toString());
    }
    if (scope != VisibilityScope.WHOLE_COMMAND) {
      throw new SanctionsRuleException(SanctionsRule.RESTORE_MANAGERS_ONLY);
    }
    status = PreNoticeStatus.RECORDED;
    restoredBy = author(by);
    restoredAt = Objects.requireNonNull(at, "at");
  }

  /** The office corrects the plate (e.g. misread in the field), with the reason. */
  public PlateCorrection correctPlate(Plate newPlate, String reason, String by, Instant at) {
    requireRecorded();
    Objects.requireNonNull(newPlate, "newPlate");
    String why = reason(reason);
    if (newPlate.equals(plate)) {
      throw new SanctionsRuleException(SanctionsRule.PLATE_UNCHANGED, plate.display());
    }
    PlateCorrection correction =
        new PlateCorrection(plate, newPlate, why, author(by), Objects.requireNonNull(at, "at"));
    plate = newPlate;
    corrections.add(correction);
    newCorrections.add(correction);
    return correction;
  }

  /** Whose it is, for the visibility policies (PRM-6): the officer and their department. */
  public RecordOwnership ownership() {
    return new RecordOwnership(officer, department);
  }

  private void requireRecorded() {
    if (status != PreNoticeStatus.RECORDED) {
      throw new SanctionsRuleException(SanctionsRule.NOT_RECORDED, id + " " + status);
    }
  }

  private static String reason(String reason) {
    if (blank(reason)) {
      throw new SanctionsRuleException(SanctionsRule.REASON_REQUIRED);
    }
    String text = reason.strip();
    if (text.length() > REASON_MAX) {
      throw new SanctionsRuleException(SanctionsRule.REASON_TOO_LONG);
    }
    return text;
  }

  private static String author(String by) {
    if (blank(by)) {
      throw new IllegalArgumentException("A change to a pre-notice names its author");
    }
    return by.strip();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  public UUID id() {
    return id;
  }

  public PreNoticeOrigin origin() {
    return origin;
  }

  public Instant violationAt() {
    return violationAt;
  }

  public String placeCode() {
    return placeCode;
  }

  public String articleCode() {
    return articleCode;
  }

  public Plate plate() {
    return plate;
  }

  public VehicleType vehicleType() {
    return vehicleType;
  }

  public String officer() {
    return officer;
  }

  public String department() {
    return department;
  }

  public String notes() {
    return notes;
  }

  public int photoCount() {
    return photoCount;
  }

  public String deviceCode() {
    return deviceCode;
  }

  public String verbaleNumber() {
    return verbaleNumber;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public PreNoticeStatus status() {
    return status;
  }

  public String reviewedBy() {
    return reviewedBy;
  }

  public Instant reviewedAt() {
    return reviewedAt;
  }

  public String archiveReason() {
    return archiveReason;
  }

  public String restoredBy() {
    return restoredBy;
  }

  public Instant restoredAt() {
    return restoredAt;
  }

  /** Every plate correction, oldest first. */
  public List<PlateCorrection> corrections() {
    return List.copyOf(corrections);
  }

  /** The corrections made since this object was built, to be stored. */
  public List<PlateCorrection> newCorrections() {
    return List.copyOf(newCorrections);
  }
}
