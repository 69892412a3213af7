package it.ksanctions.places.infrastructure;

import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Storage of a {@link Place}: the place and its versions (oldest first). */
@Entity
@Table(name = "place")
public class PlaceRow {

  @Id
  @Column(name = "code")
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private PlaceStatus status;

  @Column(name = "deactivation_reason")
  private String deactivationReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version")
  private int version;

  @OneToMany(mappedBy = "place", cascade = CascadeType.PERSIST)
  @OrderBy("number")
  private List<PlaceVersionRow> versions = new ArrayList<>();

  protected PlaceRow() {}

  public static PlaceRow of(Place place) {
    PlaceRow row = new PlaceRow();
    row.code = place.code();
    row.createdAt = place.versions().get(0).at();
    row.update(place);
    return row;
  }

  /** Copies status and the versions not stored yet. */
  public void update(Place place) {
    status = place.status();
    deactivationReason = place.deactivationReason();
    for (Place.Version v : place.versions()) {
      if (v.number() > versions.size()) {
        versions.add(PlaceVersionRow.of(this, v));
      }
    }
    updatedAt = Instant.now();
  }

  public Place toDomain() {
    return Place.restore(
        code,
        versions.stream().map(PlaceVersionRow::toDomain).toList(),
        status,
        deactivationReason);
  }

  public String getCode() {
    return code;
  }

  public PlaceStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<PlaceVersionRow> getVersions() {
    return versions;
  }
}
