package it.ksanctions.devices;

import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.application.PlacesAdministration.Filter;
import it.ksanctions.places.application.PlacesAdministration.PlaceView;
import it.ksanctions.places.domain.PlaceStatus;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * The map of the command's active places (PLC, DEV-6 later with devices): Leaflet, markers drawn as
 * vectors so they show even when the tile server cannot be reached; the tile URL is a command
 * setting ({@value #TILES_KEY}).
 */
@Named
@RequestScoped
public class MapView {

  public static final String TILES_KEY = "map.tiles.url";
  static final String DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  @Inject PlacesAdministration places;
  @Inject CommandSettings settings;
  @Inject it.ksanctions.devices.application.DeviceMonitoring devices;
  @Inject it.ksanctions.permissions.application.CurrentStaff currentStaff;

  private String placesJson;
  private String devicesJson;
  private int count;
  private int deviceCount;
  private java.util.Map<String, PlaceView> placesByCode = java.util.Map.of();

  /** The active places as JSON for the page's script, safe inside a script element. */
  public String getPlacesJson() {
    if (placesJson == null) {
      List<PlaceView> found =
          Feedback.attempt(
              () -> places.search(new Filter(null, null, null, PlaceStatus.ACTIVE, null)), null);
      JsonArrayBuilder array = Json.createArrayBuilder();
      if (found != null) {
        for (PlaceView p : found) {
          array.add(
              Json.createObjectBuilder()
                  .add("code", p.code())
                  .add("name", p.data().name())
                  .add("category", p.data().category().italianLabel())
                  .add("level", p.data().level().name())
                  .add("lat", p.data().coordinates().latitude())
                  .add("lon", p.data().coordinates().longitude()));
        }
        count = found.size();
        placesByCode =
            found.stream()
                .collect(java.util.stream.Collectors.toMap(PlaceView::code, p -> p, (a, b) -> a));
      }
      placesJson = array.build().toString().replace("<", "\\u003c");
    }
    return placesJson;
  }

  /**
   * The fixed devices (not decommissioned) at the position of their place, with status and
   * anomalies, for users who may see devices (DEV-6); an empty array for the others.
   */
  public String getDevicesJson() {
    if (devicesJson == null) {
      getPlacesJson();
      JsonArrayBuilder array = Json.createArrayBuilder();
      if (currentStaff.allows(
          it.ksanctions.permissions.domain.AppModule.DEVICES,
          it.ksanctions.permissions.domain.AppAction.ACCESS)) {
        var found = Feedback.attempt(() -> devices.overview(), null);
        if (found != null) {
          for (var d : found) {
            PlaceView place = d.data().isMobile() ? null : placesByCode.get(d.data().placeCode());
            if (place == null
                || d.status() == it.ksanctions.devices.domain.DeviceStatus.DECOMMISSIONED) {
              continue;
            }
            array.add(
                Json.createObjectBuilder()
                    .add("code", d.code())
                    .add("type", d.data().type().italianLabel())
                    .add("status", d.status().italianLabel())
                    .add("anomalies", d.anomaliesText())
                    .add("place", place.code())
                    .add("lat", place.data().coordinates().latitude())
                    .add("lon", place.data().coordinates().longitude()));
            deviceCount++;
          }
        }
      }
      devicesJson = array.build().toString().replace("<", "\\u003c");
    }
    return devicesJson;
  }

  public int getDeviceCount() {
    getDevicesJson();
    return deviceCount;
  }

  public int getCount() {
    getPlacesJson();
    return count;
  }

  /** The tile URL template, as a JSON string literal. */
  public String getTilesJson() {
    String url =
        settings
            .get(TILES_KEY)
            .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
            .orElse(DEFAULT_TILES);
    return Json.createValue(url).toString().replace("<", "\\u003c");
  }
}
