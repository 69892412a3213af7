package it.ksanctions.command;

import it.ksanctions.command.application.TerritorialZones;
import it.ksanctions.command.domain.TerritorialZone;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The territorial zones of the Organizzazione page (CMD-5): their table, the form (new or change of
 * the row chosen) with the competent departments and the zones of the places, and an optional
 * administrative reference that the configuration register keeps with the change.
 */
@Named
@ViewScoped
public class OrganisationZonesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TerritorialZones service;
  @Inject Event<OrganisationViewReload> pageReload;

  private List<TerritorialZone> zones = List.of();
  private List<String> placeZones = List.of();

  private String zoneEditing;
  private String zoneCode;
  private String zoneName;
  private String zoneDescription;
  private List<String> zoneDepartments = new ArrayList<>();
  private List<String> zonePlaceZones = new ArrayList<>();
  private String zoneReference;

  @PostConstruct
  void load() {
    zones = orEmpty(Feedback.attempt(service::zones, null));
    placeZones = orEmpty(Feedback.attempt(service::placeZones, null));
  }

  void reload(@Observes(notifyObserver = Reception.IF_EXISTS) OrganisationViewReload page) {
    load();
  }

  /** Runs a change and shows its outcome; the service's value is not needed. */
  private static boolean run(Runnable change, String successMessage) {
    return Feedback.attempt(change, successMessage);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  public void editZone(String code) {
    zones.stream()
        .filter(z -> z.code().equals(code))
        .findFirst()
        .ifPresent(
            z -> {
              zoneEditing = z.code();
              zoneCode = z.code();
              zoneName = z.name();
              zoneDescription = z.description();
              zoneDepartments = new ArrayList<>(z.departmentCodeList());
              zonePlaceZones = new ArrayList<>(z.placeZones());
            });
  }

  public void newZone() {
    zoneEditing = zoneCode = zoneName = zoneDescription = zoneReference = null;
    zoneDepartments = new ArrayList<>();
    zonePlaceZones = new ArrayList<>();
  }

  public void saveZone() {
    boolean creating = zoneEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                service.createZone(
                    zoneCode,
                    zoneName,
                    zoneDescription,
                    zoneDepartments,
                    zonePlaceZones,
                    zoneReference);
              } else {
                service.changeZone(
                    zoneEditing,
                    zoneName,
                    zoneDescription,
                    zoneDepartments,
                    zonePlaceZones,
                    zoneReference);
              }
            },
            creating ? "Zona creata." : "Zona aggiornata.");
    if (done) {
      newZone();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void deactivateZone(String code) {
    if (run(() -> service.deactivateZone(code, zoneReference), "Zona " + code + " disattivata.")) {
      newZone();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void reactivateZone(String code) {
    if (run(() -> service.reactivateZone(code, zoneReference), "Zona " + code + " riattivata.")) {
      pageReload.fire(new OrganisationViewReload());
    }
  }

  // ---------------------------------------------------------------- page data

  public List<TerritorialZone> getZones() {
    return zones;
  }

  /** The zones the coded places name: the choices of a zone. */
  public List<String> getPlaceZones() {
    return placeZones;
  }

  // ---------------------------------------------------------------- form fields

  public boolean isZoneCreating() {
    return zoneEditing == null;
  }

  public String getZoneEditing() {
    return zoneEditing;
  }

  public String getZoneCode() {
    return zoneCode;
  }

  public void setZoneCode(String v) {
    zoneCode = v;
  }

  public String getZoneName() {
    return zoneName;
  }

  public void setZoneName(String v) {
    zoneName = v;
  }

  public String getZoneDescription() {
    return zoneDescription;
  }

  public void setZoneDescription(String v) {
    zoneDescription = v;
  }

  public List<String> getZoneDepartments() {
    return zoneDepartments;
  }

  public void setZoneDepartments(List<String> v) {
    zoneDepartments = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public List<String> getZonePlaceZones() {
    return zonePlaceZones;
  }

  public void setZonePlaceZones(List<String> v) {
    zonePlaceZones = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public String getZoneReference() {
    return zoneReference;
  }

  public void setZoneReference(String v) {
    zoneReference = v;
  }
}
