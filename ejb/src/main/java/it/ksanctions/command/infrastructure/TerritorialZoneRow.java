package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.TerritorialZone;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;

/** Storage of a {@link TerritorialZone} with its competent departments and place zones. */
@Entity
@Table(name = "org_zone")
public class TerritorialZoneRow {

  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "active", nullable = false)
  private boolean active;

  @ElementCollection
  @CollectionTable(name = "org_zone_department", joinColumns = @JoinColumn(name = "zone_code"))
  @Column(name = "department_code")
  private Set<String> departmentCodes = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "org_zone_place_zone", joinColumns = @JoinColumn(name = "zone_code"))
  @Column(name = "place_zone")
  private Set<String> placeZones = new HashSet<>();

  @Version
  @Column(name = "version")
  private int version;

  protected TerritorialZoneRow() {}

  public static TerritorialZoneRow of(TerritorialZone zone) {
    TerritorialZoneRow row = new TerritorialZoneRow();
    row.code = zone.code();
    row.update(zone);
    return row;
  }

  public void update(TerritorialZone zone) {
    name = zone.name();
    description = zone.description();
    active = zone.active();
    departmentCodes.retainAll(zone.departmentCodes());
    departmentCodes.addAll(zone.departmentCodes());
    placeZones.retainAll(Set.copyOf(zone.placeZones()));
    placeZones.addAll(zone.placeZones());
  }

  public TerritorialZone toDomain() {
    return TerritorialZone.restore(code, name, description, departmentCodes, placeZones, active);
  }
}
