package it.ksanctions.places.infrastructure;

import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import org.hibernate.annotations.Immutable;

/** One stored version of a place's data (never changed once written). */
@Entity
@Immutable
@Table(name = "place_version")
public class PlaceVersionRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "place_code")
  private PlaceRow place;

  @Column(name = "number", nullable = false)
  private int number;

  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false)
  private PlaceCategory category;

  @Column(name = "subcategory")
  private String subcategory;

  @Enumerated(EnumType.STRING)
  @Column(name = "level", nullable = false)
  private PlaceLevel level;

  @Column(name = "parent_code")
  private String parentCode;

  @Column(name = "latitude", nullable = false)
  private BigDecimal latitude;

  @Column(name = "longitude", nullable = false)
  private BigDecimal longitude;

  @Column(name = "zone")
  private String zone;

  @Column(name = "description")
  private String description;

  @Column(name = "notes")
  private String notes;

  @Column(name = "external_reference")
  private String externalReference;

  @Column(name = "speed_limit_kmh")
  private Integer speedLimitKmh;

  @Column(name = "ztl_access", nullable = false)
  private boolean ztlAccess;

  @Column(name = "band_from")
  private LocalTime bandFrom;

  @Column(name = "band_to")
  private LocalTime bandTo;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Column(name = "reason", nullable = false)
  private String reason;

  protected PlaceVersionRow() {}

  static PlaceVersionRow of(PlaceRow place, Place.Version version) {
    PlaceData d = version.data();
    PlaceVersionRow row = new PlaceVersionRow();
    row.place = place;
    row.number = version.number();
    row.name = d.name();
    row.category = d.category();
    row.subcategory = d.subcategory();
    row.level = d.level();
    row.parentCode = d.parentCode();
    row.latitude = d.coordinates().latitude();
    row.longitude = d.coordinates().longitude();
    row.zone = d.zone();
    row.description = d.description();
    row.notes = d.notes();
    row.externalReference = d.externalReference();
    if (d.rule() != null) {
      row.speedLimitKmh = d.rule().speedLimitKmh();
      row.ztlAccess = d.rule().ztlAccess();
      row.bandFrom = d.rule().from();
      row.bandTo = d.rule().to();
    }
    row.changedAt = version.at();
    row.changedBy = version.author();
    row.reason = version.reason();
    return row;
  }

  Place.Version toDomain() {
    AutomaticRule rule =
        speedLimitKmh == null && !ztlAccess
            ? null
            : new AutomaticRule(speedLimitKmh, ztlAccess, bandFrom, bandTo);
    return new Place.Version(
        number,
        new PlaceData(
            name,
            category,
            subcategory,
            level,
            parentCode,
            new Coordinates(latitude, longitude),
            zone,
            description,
            notes,
            externalReference,
            rule),
        changedAt,
        changedBy,
        reason);
  }
}
