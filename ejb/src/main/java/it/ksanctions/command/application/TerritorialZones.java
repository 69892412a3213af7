package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.application.OrganisationChanges.Kind;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.TerritorialZone;
import it.ksanctions.command.infrastructure.TerritorialZoneRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.places.application.PlaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The territorial zones of competence of the command (SPEC CMD-5): each is the competence of at
 * least one active department or unit and may take in the zones the coded places name, spelled as
 * the places spell them; names are unique and a zone is deactivated, never deleted.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction.
 */
@ApplicationScoped
@Transactional
public class TerritorialZones {

  private static final Kind<TerritorialZoneRow, TerritorialZone> ZONE =
      new Kind<>(
          z -> "Zona " + z.code(),
          TerritorialZone::code,
          TerritorialZone::summary,
          TerritorialZoneRow::toDomain,
          TerritorialZoneRow::update);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject OrganisationChanges changes;
  @Inject Departments departments;
  @Inject PlaceDirectory places;

  @Authorized(module = COMMAND, action = ACCESS)
  public List<TerritorialZone> zones() {
    return em
        .createQuery(
            "select distinct z from TerritorialZoneRow z left join fetch z.departmentCodes"
                + " left join fetch z.placeZones",
            TerritorialZoneRow.class)
        .getResultList()
        .stream()
        .map(TerritorialZoneRow::toDomain)
        .sorted(Comparator.comparing(TerritorialZone::code))
        .toList();
  }

  /** The zones the coded places name (any version), once each, sorted: the choices of a zone. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<String> placeZones() {
    return places.zonesInUse();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public TerritorialZone createZone(
      String code,
      String name,
      String description,
      Collection<String> departmentCodes,
      Collection<String> placeZones,
      String reference) {
    runs.ensureConfigurationMayChange();
    TerritorialZone zone =
        TerritorialZone.create(
            code,
            name,
            description,
            departments.departmentsOf(departmentCodes),
            knownPlaceZones(placeZones));
    if (em.find(TerritorialZoneRow.class, zone.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.zone.code-taken",
          "Esiste già una zona con codice " + zone.code() + ".");
    }
    requireUniqueName(zone);
    return changes.created(
        ZONE, zone, TerritorialZoneRow.of(zone), "Nuova zona territoriale", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public TerritorialZone changeZone(
      String code,
      String name,
      String description,
      Collection<String> departmentCodes,
      Collection<String> placeZones,
      String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        ZONE,
        requireRow(code),
        zone -> {
          zone.change(
              name,
              description,
              departments.departmentsOf(departmentCodes),
              knownPlaceZones(placeZones));
          requireUniqueName(zone);
        },
        "Modifica zona territoriale",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public TerritorialZone deactivateZone(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        ZONE,
        requireRow(code),
        TerritorialZone::deactivate,
        "Disattivazione zona territoriale",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public TerritorialZone reactivateZone(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        ZONE,
        requireRow(code),
        TerritorialZone::reactivate,
        "Riattivazione zona territoriale",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- helpers

  /** The row of {@code code}, however it is spelled. */
  private TerritorialZoneRow requireRow(String code) {
    TerritorialZoneRow row =
        code == null || code.isBlank()
            ? null
            : em.find(TerritorialZoneRow.class, code.strip().toUpperCase(Locale.ROOT));
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.zone.unknown",
          "La zona «" + Objects.toString(code, "") + "» non esiste in questo comando.");
    }
    return row;
  }

  private void requireUniqueName(TerritorialZone zone) {
    boolean taken =
        !em.createQuery(
                "select z.code from TerritorialZoneRow z where lower(z.name) = :name"
                    + " and z.code <> :code",
                String.class)
            .setParameter("name", zone.name().toLowerCase(Locale.ROOT))
            .setParameter("code", zone.code())
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new CommandRuleException(
          "command.organisation.zone.name-taken",
          "Esiste già una zona chiamata «" + zone.name() + "».");
    }
  }

  /** The place zones asked for, each spelled as the places spell it; unknown ones are refused. */
  private List<String> knownPlaceZones(Collection<String> asked) {
    if (asked == null || asked.stream().allMatch(z -> z == null || z.isBlank())) {
      return List.of();
    }
    Map<String, String> known = new HashMap<>();
    places.zonesInUse().forEach(z -> known.put(z.toLowerCase(Locale.ITALIAN), z));
    List<String> zones = new ArrayList<>();
    for (String zone : asked) {
      if (zone == null || zone.isBlank()) {
        continue;
      }
      String spelled = known.get(zone.strip().toLowerCase(Locale.ITALIAN));
      if (spelled == null) {
        throw new CommandRuleException(
            "command.organisation.zone.place-zone-unknown",
            "Nessun luogo del comando ha la zona «"
                + zone.strip()
                + "»: sceglierla tra le zone indicate nei luoghi.");
      }
      zones.add(spelled);
    }
    return zones;
  }
}
