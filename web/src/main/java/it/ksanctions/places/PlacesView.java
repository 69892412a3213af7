package it.ksanctions.places;

import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.application.PlacesAdministration.Filter;
import it.ksanctions.places.application.PlacesAdministration.PlaceView;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.Place;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.places.domain.PlaceStatus;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Places (PLC-1..7): search with filters and the violations of each place in a chosen period, a
 * place with its versions, create, change (a new version, with a reason), deactivate, delete (only
 * a place nothing uses).
 */
@Named
@ViewScoped
public class PlacesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PlacesAdministration administration;

  private String text;
  private PlaceCategory categoryFilter;
  private String zoneFilter;
  private PlaceStatus statusFilter;
  private LocalDate changedSince;
  private List<PlaceView> results = List.of();
  private LocalDate violationsFrom =
      LocalDate.now(java.time.ZoneId.of("Europe/Rome")).minusDays(29);
  private LocalDate violationsTo = LocalDate.now(java.time.ZoneId.of("Europe/Rome"));
  private java.util.Map<String, Long> violations = java.util.Map.of();

  private Place selected;
  private boolean creating;
  // form
  private String code;
  private String name;
  private PlaceCategory category;
  private String subcategory;
  private PlaceLevel level = PlaceLevel.PLACE;
  private String parentCode;
  private String latitude;
  private String longitude;
  private String zone;
  private String description;
  private String notes;
  private String externalReference;
  private Integer speedLimit;
  private boolean ztlAccess;
  private String bandFrom;
  private String bandTo;
  private String reason;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    List<PlaceView> found =
        Feedback.attempt(
            () ->
                administration.search(
                    new Filter(text, categoryFilter, zoneFilter, statusFilter, changedSince)),
            null);
    results = found == null ? List.of() : found;
    java.util.Map<String, Long> counted =
        Feedback.attempt(
            () -> administration.violationsInPeriod(violationsFrom, violationsTo), null);
    violations = counted == null ? java.util.Map.of() : counted;
  }

  /** The violations of {@code placeCode} in the chosen period (PLC-7). */
  public long violations(String placeCode) {
    return violations.getOrDefault(placeCode, 0L);
  }

  public void startNew() {
    selected = null;
    creating = true;
    code = name = subcategory = parentCode = latitude = longitude = zone = null;
    description = notes = externalReference = bandFrom = bandTo = reason = null;
    category = null;
    level = PlaceLevel.PLACE;
    speedLimit = null;
    ztlAccess = false;
  }

  public void open(String placeCode) {
    Place place = Feedback.attempt(() -> administration.detail(placeCode), null);
    if (place == null) {
      return;
    }
    selected = place;
    creating = false;
    PlaceData d = place.current();
    code = place.code();
    name = d.name();
    category = d.category();
    subcategory = d.subcategory();
    level = d.level();
    parentCode = d.parentCode();
    latitude = d.coordinates().latitude().toPlainString();
    longitude = d.coordinates().longitude().toPlainString();
    zone = d.zone();
    description = d.description();
    notes = d.notes();
    externalReference = d.externalReference();
    speedLimit = d.rule() == null ? null : d.rule().speedLimitKmh();
    ztlAccess = d.rule() != null && d.rule().ztlAccess();
    bandFrom = d.rule() == null || d.rule().from() == null ? null : d.rule().from().toString();
    bandTo = d.rule() == null || d.rule().to() == null ? null : d.rule().to().toString();
    reason = null;
  }

  public void save() {
    PlaceView saved =
        Feedback.attempt(
            () ->
                creating
                    ? administration.create(code, data())
                    : administration.change(selected.code(), data(), reason),
            creating ? "Luogo creato." : "Luogo aggiornato: registrata una nuova versione.");
    if (saved != null) {
      search();
      open(saved.code());
    }
  }

  public void deactivate() {
    PlaceView done =
        Feedback.attempt(
            () -> administration.deactivate(selected.code(), reason), "Luogo disattivato.");
    if (done != null) {
      search();
      open(done.code());
    }
  }

  public void delete() {
    String deleted = selected.code();
    if (Feedback.attempt(
        () -> administration.delete(deleted), "Luogo " + deleted + " eliminato.")) {
      selected = null;
      creating = false;
      search();
    }
  }

  private PlaceData data() {
    AutomaticRule rule =
        speedLimit == null && !ztlAccess
            ? null
            : new AutomaticRule(speedLimit, ztlAccess, time(bandFrom), time(bandTo));
    return new PlaceData(
        name,
        category,
        subcategory,
        level,
        parentCode == null ? null : parentCode.strip().toUpperCase(java.util.Locale.ROOT),
        Coordinates.of(latitude, longitude),
        zone,
        description,
        notes,
        externalReference,
        rule);
  }

  private static LocalTime time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip(), DateTimeFormatter.ofPattern("H:mm"));
    } catch (DateTimeParseException e) {
      throw new it.ksanctions.places.domain.PlaceRuleException(
          it.ksanctions.places.domain.PlaceRule.RULE_INVALID, "orario '" + value + "' (hh:mm)");
    }
  }

  private transient org.primefaces.model.file.UploadedFile upload;
  private PlacesAdministration.ImportReport report;

  public void importFile() {
    if (upload == null || upload.getSize() == 0) {
      Feedback.error("Scegliere un file CSV, GeoJSON o KML non vuoto.");
      return;
    }
    PlacesAdministration.ImportReport result =
        Feedback.attempt(
            () -> {
              try (java.io.InputStream in = upload.getInputStream()) {
                return administration.importFile(in, upload.getFileName());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            null);
    if (result != null) {
      report = result;
      if (result.accepted()) {
        Feedback.info("Importazione completata: " + result.imported() + " luoghi.");
        search();
      } else {
        Feedback.importRejected(result.problems().size(), "nessun luogo importato");
      }
    }
  }

  public org.primefaces.model.file.UploadedFile getUpload() {
    return upload;
  }

  public void setUpload(org.primefaces.model.file.UploadedFile upload) {
    this.upload = upload;
  }

  public PlacesAdministration.ImportReport getReport() {
    return report;
  }

  public PlaceCategory[] getCategories() {
    return PlaceCategory.values();
  }

  public PlaceLevel[] getLevels() {
    return PlaceLevel.values();
  }

  public PlaceStatus[] getStatuses() {
    return PlaceStatus.values();
  }

  public List<PlaceView> getResults() {
    return results;
  }

  public Place getSelected() {
    return selected;
  }

  public boolean isCreating() {
    return creating;
  }

  public boolean isEditing() {
    return creating || selected != null;
  }

  // Getters and setters of the filters and the form.
  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }

  public PlaceCategory getCategoryFilter() {
    return categoryFilter;
  }

  public void setCategoryFilter(PlaceCategory v) {
    categoryFilter = v;
  }

  public String getZoneFilter() {
    return zoneFilter;
  }

  public void setZoneFilter(String v) {
    zoneFilter = v;
  }

  public PlaceStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(PlaceStatus v) {
    statusFilter = v;
  }

  public LocalDate getViolationsFrom() {
    return violationsFrom;
  }

  public void setViolationsFrom(LocalDate v) {
    violationsFrom = v;
  }

  public LocalDate getViolationsTo() {
    return violationsTo;
  }

  public void setViolationsTo(LocalDate v) {
    violationsTo = v;
  }

  public LocalDate getChangedSince() {
    return changedSince;
  }

  public void setChangedSince(LocalDate v) {
    changedSince = v;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String v) {
    code = v;
  }

  public String getName() {
    return name;
  }

  public void setName(String v) {
    name = v;
  }

  public PlaceCategory getCategory() {
    return category;
  }

  public void setCategory(PlaceCategory v) {
    category = v;
  }

  public String getSubcategory() {
    return subcategory;
  }

  public void setSubcategory(String v) {
    subcategory = v;
  }

  public PlaceLevel getLevel() {
    return level;
  }

  public void setLevel(PlaceLevel v) {
    level = v;
  }

  public String getParentCode() {
    return parentCode;
  }

  public void setParentCode(String v) {
    parentCode = v;
  }

  public String getLatitude() {
    return latitude;
  }

  public void setLatitude(String v) {
    latitude = v;
  }

  public String getLongitude() {
    return longitude;
  }

  public void setLongitude(String v) {
    longitude = v;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String v) {
    zone = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String v) {
    notes = v;
  }

  public String getExternalReference() {
    return externalReference;
  }

  public void setExternalReference(String v) {
    externalReference = v;
  }

  public Integer getSpeedLimit() {
    return speedLimit;
  }

  public void setSpeedLimit(Integer v) {
    speedLimit = v;
  }

  public boolean isZtlAccess() {
    return ztlAccess;
  }

  public void setZtlAccess(boolean v) {
    ztlAccess = v;
  }

  public String getBandFrom() {
    return bandFrom;
  }

  public void setBandFrom(String v) {
    bandFrom = v;
  }

  public String getBandTo() {
    return bandTo;
  }

  public void setBandTo(String v) {
    bandTo = v;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    reason = v;
  }
}
