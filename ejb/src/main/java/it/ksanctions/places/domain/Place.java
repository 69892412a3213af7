package it.ksanctions.places.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A coded place and its versions (PLC-4): a change to an active place adds a version and keeps the
 * earlier ones; a place is deactivated, never deleted, and a deactivated place no longer changes.
 * Each version records who made it, when and why (PLC-3, PLC-7).
 */
public final class Place {

  private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9._-]{1,29}$");

  /** One version of the place. */
  public record Version(int number, PlaceData data, Instant at, String author, String reason) {}

  private final String code;
  private final List<Version> versions = new ArrayList<>();
  private PlaceStatus status = PlaceStatus.ACTIVE;
  private String deactivationReason;

  private Place(String code) {
    this.code = code;
  }

  public static Place create(String code, PlaceData data, String author, Instant at) {
    Place place = new Place(normaliseCode(code));
    place.versions.add(
        new Version(1, Objects.requireNonNull(data, "data"), at, author(author), "Creazione"));
    return place;
  }

  /** A place as stored: its versions in order, its status. */
  public static Place restore(
      String code, List<Version> versions, PlaceStatus status, String deactivationReason) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("A place has at least one version");
    }
    Place place = new Place(code);
    place.versions.addAll(versions);
    place.status = Objects.requireNonNull(status, "status");
    place.deactivationReason = deactivationReason;
    return place;
  }

  /** A new version with {@code data} (PLC-4). */
  public Version change(PlaceData data, String author, Instant at, String reason) {
    Objects.requireNonNull(data, "data");
    if (status == PlaceStatus.INACTIVE) {
      throw new PlaceRuleException(PlaceRule.INACTIVE, code);
    }
    if (reason == null || reason.isBlank()) {
      throw new PlaceRuleException(PlaceRule.REASON_REQUIRED, code);
    }
    if (data.equals(current())) {
      throw new PlaceRuleException(PlaceRule.NO_CHANGE, code);
    }
    Version next = new Version(versions.size() + 1, data, at, author(author), reason.strip());
    versions.add(next);
    return next;
  }

  public void deactivate(String reason) {
    if (status == PlaceStatus.INACTIVE) {
      throw new PlaceRuleException(PlaceRule.INACTIVE, code);
    }
    if (reason == null || reason.isBlank()) {
      throw new PlaceRuleException(PlaceRule.REASON_REQUIRED, code);
    }
    status = PlaceStatus.INACTIVE;
    deactivationReason = reason.strip();
  }

  /** PLC-6: a place with devices, pre-notices, verbali or services linked is never deleted. */
  public void ensureDeletable(long linkedRecords) {
    if (linkedRecords > 0) {
      throw new PlaceRuleException(
          PlaceRule.IN_USE, code + ": " + linkedRecords + " linked records");
    }
  }

  /**
   * PLC-6: a place linked to an automatic device must have a code and coordinates (always true of a
   * stored place) and, when it is an automatic point, the rule it enforces.
   */
  public void ensureUsableByAutomaticDevice() {
    if (status != PlaceStatus.ACTIVE) {
      throw new PlaceRuleException(PlaceRule.INACTIVE, code);
    }
    if (current().category() == PlaceCategory.AUTOMATIC_POINT && current().rule() == null) {
      throw new PlaceRuleException(PlaceRule.AUTOMATIC_POINT_INCOMPLETE, code);
    }
  }

  public String code() {
    return code;
  }

  public PlaceData current() {
    return versions.get(versions.size() - 1).data();
  }

  public List<Version> versions() {
    return List.copyOf(versions);
  }

  public PlaceStatus status() {
    return status;
  }

  public String deactivationReason() {
    return deactivationReason;
  }

  static String normaliseCode(String code) {
    String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(normalised).matches()) {
      throw new PlaceRuleException(PlaceRule.CODE_INVALID, "'" + code + "'");
    }
    return normalised;
  }

  private static String author(String author) {
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("A change to a place names its author");
    }
    return author.strip();
  }
}
