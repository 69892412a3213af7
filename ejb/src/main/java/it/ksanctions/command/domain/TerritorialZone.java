package it.ksanctions.command.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A territorial zone of competence of the command ("zone territoriali di competenza", seed 001
 * §11.4): the departments competent for it and, optionally, the zones of the coded places it covers
 * (the free-text zone of each place), so that records made at a place can be attributed to a zone
 * and to its departments.
 *
 * <p>Rules: the code never changes; at least one active department is competent; the place zones
 * are kept once each (whatever their case). Zones are deactivated, never deleted.
 */
public final class TerritorialZone {

  private static final int MAX_PLACE_ZONE = 100;

  private final String code;
  private String name;
  private String description;
  private Set<String> departmentCodes;
  private List<String> placeZones;
  private boolean active;

  private TerritorialZone(String code) {
    this.code = code;
  }

  public static TerritorialZone create(
      String code,
      String name,
      String description,
      Collection<Department> competent,
      Collection<String> placeZones) {
    TerritorialZone zone =
        new TerritorialZone(
            OrganisationText.code(code, "command.organisation.zone.code-invalid", "zona"));
    zone.active = true;
    zone.apply(name, description, competent, placeZones);
    return zone;
  }

  public static TerritorialZone restore(
      String code,
      String name,
      String description,
      Collection<String> departmentCodes,
      Collection<String> placeZones,
      boolean active) {
    TerritorialZone zone = new TerritorialZone(code);
    zone.name = name;
    zone.description = description;
    zone.departmentCodes = new TreeSet<>(departmentCodes);
    zone.placeZones = placeZones.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    zone.active = active;
    return zone;
  }

  public void change(
      String name,
      String description,
      Collection<Department> competent,
      Collection<String> placeZones) {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.zone.inactive",
          "La zona " + code + " è disattivata: riattivarla prima di modificarla.");
    }
    apply(name, description, competent, placeZones);
  }

  private void apply(
      String newName,
      String newDescription,
      Collection<Department> competent,
      Collection<String> newPlaceZones) {
    String checkedName =
        OrganisationText.name(
            newName, 2, 100, "command.organisation.zone.name-invalid", "il nome della zona");
    String checkedDescription =
        OrganisationText.optional(
            newDescription, 1000, "command.organisation.zone.description-too-long", "descrizione");
    if (competent == null || competent.isEmpty()) {
      throw new CommandRuleException(
          "command.organisation.zone.department-required",
          "Indicare almeno un reparto competente per la zona.");
    }
    Set<String> codes = new TreeSet<>();
    for (Department department : competent) {
      if (!department.active()) {
        throw new CommandRuleException(
            "command.organisation.zone.department-inactive",
            "Il reparto "
                + department.code()
                + " è disattivato: non può essere competente per una zona.");
      }
      codes.add(department.code());
    }
    name = checkedName;
    description = checkedDescription;
    departmentCodes = codes;
    placeZones = placeZones(newPlaceZones);
  }

  private static List<String> placeZones(Collection<String> raw) {
    List<String> zones = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (String value : raw == null ? List.<String>of() : raw) {
      if (value == null || value.isBlank()) {
        continue;
      }
      String zone = value.strip();
      if (zone.length() > MAX_PLACE_ZONE) {
        throw new CommandRuleException(
            "command.organisation.zone.place-zone-invalid",
            "La zona dei luoghi «" + zone + "» supera i " + MAX_PLACE_ZONE + " caratteri.");
      }
      if (seen.add(zone.toLowerCase(Locale.ITALIAN))) {
        zones.add(zone);
      }
    }
    zones.sort(Comparator.comparing(z -> z.toLowerCase(Locale.ITALIAN)));
    return List.copyOf(zones);
  }

  public void deactivate() {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.zone.already-inactive", "La zona " + code + " è già disattivata.");
    }
    active = false;
  }

  public void reactivate() {
    if (active) {
      throw new CommandRuleException(
          "command.organisation.zone.already-active", "La zona " + code + " è già attiva.");
    }
    active = true;
  }

  /** Whether the zone covers a place's zone (compared without regard to case). */
  public boolean covers(String placeZone) {
    return placeZone != null
        && placeZones.stream().anyMatch(z -> z.equalsIgnoreCase(placeZone.strip()));
  }

  /** The zone as the configuration register shows it. */
  public String summary() {
    return name
        + " (reparti: "
        + String.join(", ", departmentCodes)
        + (placeZones.isEmpty() ? "" : "; zone dei luoghi: " + String.join(", ", placeZones))
        + (active ? "" : "; disattivata")
        + ")";
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The competent departments' codes, sorted. */
  public Set<String> departmentCodes() {
    return Set.copyOf(departmentCodes);
  }

  /** The same codes as a sorted list (for pages). */
  public List<String> departmentCodeList() {
    return List.copyOf(departmentCodes);
  }

  public List<String> placeZones() {
    return placeZones;
  }

  public boolean active() {
    return active;
  }
}
