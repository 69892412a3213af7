package it.ksanctions.sanctions.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The owner of a vehicle on record (issue 13 item 5): the plate (normalised as the detections
 * compare plates) and its country, a person or a company by the tax code it has (checked with the
 * shared kernel), the name, the address, the PEC if known, and where the record came from. A record
 * holds from when it was recorded; a later one of the same plate supersedes it. Made only from
 * checked {@link OwnerData}.
 *
 * @param fileName the owner file the record came from (null when typed by hand)
 */
public record VehicleOwner(
    String plate,
    String country,
    OwnerKind kind,
    String name,
    String taxCode,
    String street,
    String postcode,
    String municipality,
    String province,
    String pec,
    OwnerSource source,
    String fileName,
    Instant recordedAt,
    String recordedBy) {

  /** The data of this record, as the form and the file carry it. */
  public OwnerData data() {
    return new OwnerData(
        plate, country, name, taxCode, street, postcode, municipality, province, pec);
  }

  /** Whether {@code other} tells the same owner (source and time aside). */
  public boolean sameOwnerAs(OwnerData other) {
    return Objects.equals(data(), other);
  }

  /** "Via Roma 1, 04100 Latina (LT)". */
  public String address() {
    return street + ", " + postcode + " " + municipality + " (" + province + ")";
  }

  /** When it was recorded, Rome time: "19/06/2026 10:15". */
  public String recordedAtText() {
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
        .format(recordedAt.atZone(java.time.ZoneId.of("Europe/Rome")));
  }

  public String kindLabel() {
    return kind.italianLabel();
  }

  public String sourceLabel() {
    return source.italianLabel();
  }
}
