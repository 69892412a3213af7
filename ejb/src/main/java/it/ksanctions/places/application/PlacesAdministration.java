package it.ksanctions.places.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.PLACES;

import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceCatalogueRules;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceImport;
import it.ksanctions.places.domain.PlaceStatus;
import it.ksanctions.places.infrastructure.PlaceFileReader;
import it.ksanctions.places.infrastructure.PlaceRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maintenance of the current tenant's places (SPEC PLC-1..8), authorised by the Permissions module
 * and audited: search, a place with its versions, create, change (a new version), deactivate.
 */
@ApplicationScoped
@Transactional
public class PlacesAdministration {

  public static final int MAX_RESULTS = 2_000;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;
  @Inject PlaceUsage usage;

  Clock clock = Clock.systemUTC();

  /** Search filters (PLC-5); null or blank ones do not filter. */
  public record Filter(
      String text,
      PlaceCategory category,
      String zone,
      PlaceStatus status,
      LocalDate changedSince) {
    public static Filter all() {
      return new Filter(null, null, null, null, null);
    }
  }

  /** A place as lists show it: its current data, status and history size. */
  public record PlaceView(
      String code, PlaceData data, PlaceStatus status, int versions, Instant updatedAt) {}

  @Authorized(module = PLACES, action = ACCESS)
  public List<PlaceView> search(Filter filter) {
    String text = blank(filter.text()) ? null : filter.text().strip().toLowerCase(Locale.ITALIAN);
    Instant since =
        filter.changedSince() == null
            ? null
            : filter.changedSince().atStartOfDay(ZoneId.of("Europe/Rome")).toInstant();
    // One query with the versions (the current data is the latest version), not one per place.
    return em
        .createQuery("select distinct p from PlaceRow p left join fetch p.versions", PlaceRow.class)
        .getResultList()
        .stream()
        .map(PlacesAdministration::view)
        .filter(p -> filter.status() == null || p.status() == filter.status())
        .filter(p -> filter.category() == null || p.data().category() == filter.category())
        .filter(
            p ->
                blank(filter.zone())
                    || filter
                        .zone()
                        .strip()
                        .equalsIgnoreCase(Objects.toString(p.data().zone(), "")))
        .filter(
            p ->
                text == null
                    || p.code().toLowerCase(Locale.ROOT).contains(text)
                    || p.data().name().toLowerCase(Locale.ITALIAN).contains(text))
        .filter(p -> since == null || !p.updatedAt().isBefore(since))
        .sorted(Comparator.comparing(PlaceView::code))
        .limit(MAX_RESULTS)
        .toList();
  }

  /**
   * Whether {@code code} is an active coded place: what other contexts (Devices) check before they
   * link to it. Not authorised by itself: it reveals nothing but the existence of a code.
   */
  public boolean isActivePlace(String code) {
    if (blank(code)) {
      return false;
    }
    PlaceRow row = em.find(PlaceRow.class, code.strip().toUpperCase(Locale.ROOT));
    return row != null && row.toDomain().status() == PlaceStatus.ACTIVE;
  }

  @Authorized(module = PLACES, action = ACCESS)
  public Place detail(String code) {
    return require(code).toDomain();
  }

  @Authorized(module = PLACES, action = CREATE)
  public PlaceView create(String code, PlaceData data) {
    String author = currentStaff.requireActive().username();
    Place place = Place.create(code, data, author, Instant.now(clock));
    if (em.find(PlaceRow.class, place.code()) != null) {
      throw new AdministrationException(
          "Place " + place.code() + " exists already",
          "Esiste già un luogo con codice " + place.code() + ".");
    }
    PlaceCatalogueRules.check(null, data, parentOf(data), candidates(data));
    PlaceRow row = PlaceRow.of(place);
    em.persist(row);
    em.flush();
    audit.record(PLACES, "Nuovo luogo", AuditOperation.CHANGE, place.code() + " " + data.name());
    return view(row);
  }

  /** A change to an active place: a new version (PLC-4). */
  @Authorized(module = PLACES, action = EDIT)
  public PlaceView change(String code, PlaceData data, String reason) {
    PlaceRow row = require(code);
    Place place = row.toDomain();
    PlaceCatalogueRules.check(place.code(), data, parentOf(data), candidates(data));
    Place.Version version =
        place.change(data, currentStaff.requireActive().username(), Instant.now(clock), reason);
    row.update(place);
    em.flush();
    audit.record(
        PLACES,
        "Modifica luogo",
        AuditOperation.CHANGE,
        place.code() + " versione " + version.number());
    return view(row);
  }

  /** Deactivation instead of deletion (PLC-4, PLC-6). */
  @Authorized(module = PLACES, action = DELETE_LOGICAL)
  public PlaceView deactivate(String code, String reason) {
    PlaceRow row = require(code);
    Place place = row.toDomain();
    long children =
        em.createQuery(
                "select count(p) from PlaceRow p where p.status = :active and exists (select v from"
                    + " PlaceVersionRow v where v.place = p and v.number = (select max(w.number) from"
                    + " PlaceVersionRow w where w.place = p) and v.parentCode = :code)",
                Long.class)
            .setParameter("active", PlaceStatus.ACTIVE)
            .setParameter("code", place.code())
            .getSingleResult();
    if (children > 0) {
      throw new AdministrationException(
          "Place " + place.code() + " contains " + children + " active places",
          "Il luogo "
              + place.code()
              + " contiene "
              + children
              + " luoghi attivi: disattivarli o spostarli prima.");
    }
    place.deactivate(reason);
    row.update(place);
    audit.record(
        PLACES,
        "Disattivazione luogo",
        AuditOperation.DELETE,
        place.code() + " — " + reason.strip());
    return view(row);
  }

  /**
   * Deletes a place entered by mistake, with its versions. A place named by a pre-notice, a
   * detection, a device or another place (as its parent) is never deleted (PLC-6): it can only be
   * deactivated.
   */
  @Authorized(module = PLACES, action = DELETE_LOGICAL)
  public void delete(String code) {
    PlaceRow row = require(code);
    Place place = row.toDomain();
    long children =
        em.createQuery(
                "select count(v) from PlaceVersionRow v where v.parentCode = :code", Long.class)
            .setParameter("code", place.code())
            .getSingleResult();
    place.ensureDeletable(usage.uses(place.code()) + children);
    em.createQuery("delete from PlaceVersionRow v where v.place = :place")
        .setParameter("place", row)
        .executeUpdate();
    em.remove(row);
    try {
      em.flush();
    } catch (jakarta.persistence.PersistenceException e) {
      // A device still names the place (the devices' foreign key): the Places context cannot
      // count them itself, the database refuses the deletion.
      throw new it.ksanctions.places.domain.PlaceRuleException(
          it.ksanctions.places.domain.PlaceRule.IN_USE, place.code() + ": dispositivi collegati");
    }
    audit.record(PLACES, "Eliminazione luogo", AuditOperation.DELETE, place.code());
  }

  /**
   * The violations (pre-notices and detections, not archived) per place code from {@code from} to
   * {@code to} included (PLC-7); places without any are absent. At most one year at a time.
   */
  @Authorized(module = PLACES, action = ACCESS)
  public java.util.Map<String, Long> violationsInPeriod(LocalDate from, LocalDate to) {
    requirePeriod(from, to);
    return usage.violationsByPlace(from, to);
  }

  /** A period of days: both ends, the start not after the end, at most 366 days. */
  public static void requirePeriod(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw new AdministrationException(
          "A period needs both days", "Indicare il primo e l'ultimo giorno del periodo.");
    }
    if (from.isAfter(to)) {
      throw new AdministrationException(
          "The period starts after it ends",
          "Il primo giorno del periodo non può essere dopo l'ultimo.");
    }
    if (from.plusDays(366).isBefore(to)) {
      throw new AdministrationException(
          "The period is longer than a year", "Il periodo può durare al massimo un anno.");
    }
  }

  /** The largest places file: 10 MB. */
  public static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

  /** The outcome of an import: how many places were stored, or every problem (then none is). */
  public record ImportReport(int imported, List<PlaceImport.Problem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /**
   * Imports places from a CSV, GeoJSON or KML file (PLC-3), all or nothing: the rows are checked as
   * the form checks them, in file order (a row may be the parent of the rows after it), against the
   * places already stored; any problem and nothing is stored.
   */
  @Authorized(module = PLACES, action = CREATE)
  public ImportReport importFile(java.io.InputStream file, String fileName) {
    java.util.Optional<PlaceFileReader.Format> format = PlaceFileReader.Format.ofFileName(fileName);
    if (format.isEmpty()) {
      return rejected(
          List.of(
              new PlaceImport.Problem(
                  0, "", "Formato non riconosciuto: usare .csv, .geojson o .kml")),
          fileName);
    }
    PlaceImport parsed = new PlaceFileReader(MAX_IMPORT_BYTES).read(file, format.get());
    if (!parsed.acceptable()) {
      return rejected(parsed.problems(), fileName);
    }
    String author = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    java.util.Map<String, Place> accepted = new java.util.LinkedHashMap<>();
    List<PlaceImport.Problem> problems = new java.util.ArrayList<>();
    for (PlaceImport.Row row : parsed.rows()) {
      try {
        if (accepted.containsKey(row.code()) || em.find(PlaceRow.class, row.code()) != null) {
          problems.add(
              new PlaceImport.Problem(
                  row.number(), "codice", "Codice " + row.code() + " già presente"));
          continue;
        }
        Place parent =
            row.data().parentCode() == null
                ? null
                : accepted.containsKey(row.data().parentCode())
                    ? accepted.get(row.data().parentCode())
                    : parentOf(row.data());
        List<Place> others = new java.util.ArrayList<>(candidates(row.data()));
        others.addAll(accepted.values());
        PlaceCatalogueRules.check(null, row.data(), parent, others);
        accepted.put(row.code(), Place.create(row.code(), row.data(), author, now));
      } catch (it.ksanctions.places.domain.PlaceRuleException e) {
        problems.add(
            new PlaceImport.Problem(
                row.number(), "", e.italianMessage() + " (" + row.code() + ")"));
      }
    }
    if (!problems.isEmpty()) {
      return rejected(problems, fileName);
    }
    for (Place place : accepted.values()) {
      em.persist(PlaceRow.of(place));
    }
    em.flush();
    audit.record(
        PLACES,
        "Importazione luoghi",
        AuditOperation.CHANGE,
        accepted.size() + " luoghi da " + fileName);
    return new ImportReport(accepted.size(), List.of());
  }

  private ImportReport rejected(List<PlaceImport.Problem> problems, String fileName) {
    audit.record(
        PLACES,
        "Importazione rifiutata",
        AuditOperation.VALIDATE,
        (fileName == null ? "file" : fileName) + ": " + problems.size() + " problemi");
    return new ImportReport(0, problems);
  }

  private Place parentOf(PlaceData data) {
    if (data.parentCode() == null) {
      return null;
    }
    PlaceRow parent = em.find(PlaceRow.class, data.parentCode().toUpperCase(Locale.ROOT));
    return parent == null ? null : parent.toDomain();
  }

  /** The places that could clash with {@code data}: those that had the same name. */
  private List<Place> candidates(PlaceData data) {
    return em
        .createQuery(
            "select distinct p from PlaceRow p join p.versions v where lower(v.name) = :name",
            PlaceRow.class)
        .setParameter("name", data.name().toLowerCase(Locale.ITALIAN))
        .getResultList()
        .stream()
        .map(PlaceRow::toDomain)
        .toList();
  }

  private PlaceRow require(String code) {
    PlaceRow row =
        code == null ? null : em.find(PlaceRow.class, code.strip().toUpperCase(Locale.ROOT));
    if (row == null) {
      throw new AdministrationException(
          "There is no place " + code, "Il luogo " + code + " non esiste in questo comando.");
    }
    return row;
  }

  private static PlaceView view(PlaceRow row) {
    Place place = row.toDomain();
    return new PlaceView(
        place.code(), place.current(), place.status(), place.versions().size(), row.getUpdatedAt());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
