package it.ksanctions.portal;

import it.ksanctions.devices.application.PublicSpeedCameras;
import it.ksanctions.devices.application.PublicSpeedCameras.PublicCertificate;
import it.ksanctions.devices.application.PublicSpeedCameras.PublicPlace;
import it.ksanctions.devices.application.PublicSpeedCameras.SpeedCamera;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The citizen portal's speed-camera map (issue 16 item 9, SPEC POR-5): the command's speed-checking
 * positions in service, as the Devices context publishes them ({@link PublicSpeedCameras}), shaped
 * for the page: a table that works without JavaScript and the same positions as JSON for the
 * Leaflet map. Public, read without a signed-in user.
 */
@Named
@RequestScoped
public class SpeedCameraMapView {

  /** OpenStreetMap's public tile server: the citizen's browser loads the tiles. */
  static final String TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  @Inject PublicSpeedCameras cameras;
  @Inject CurrentTenant currentTenant;
  @Inject PortalLanguage language;

  private List<Row> rows;
  private String json;

  /** One position as the table shows it: every text ready, in the portal's language. */
  public record Row(
      String code,
      String anchor,
      String type,
      String description,
      String manufacturer,
      String placeName,
      String zone,
      String latitude,
      String longitude,
      String mapHref,
      String speedLimit,
      String speedLimitBand,
      boolean certified,
      String certificateNumber,
      String certificateIssuer,
      String calibratedOn,
      String validUntil,
      boolean certificateExpired,
      String certificateHref) {}

  /** The public positions of the tenant this request serves; none outside a tenant. */
  public List<Row> getRows() {
    if (rows == null) {
      if (currentTenant.serving().isEmpty()) {
        rows = List.of();
      } else {
        LocalDate today = cameras.today();
        String base = portalBase();
        rows = cameras.publicSpeedCameras().stream().map(c -> row(c, today, base)).toList();
      }
    }
    return rows;
  }

  public int getCount() {
    return getRows().size();
  }

  /** The positions for the map's script, safe inside a script element. */
  public String getCamerasJson() {
    if (json == null) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (Row r : getRows()) {
        array.add(
            Json.createObjectBuilder()
                .add("code", r.code())
                .add("anchor", r.anchor())
                .add("type", r.type())
                .add("place", r.placeName())
                .add("limit", r.speedLimit() == null ? "" : r.speedLimit())
                .add("lat", r.latitude())
                .add("lon", r.longitude()));
      }
      json = array.build().toString().replace("<", "\\u003c").replace(">", "\\u003e");
    }
    return json;
  }

  /** The words the map's popups need, in the portal's language, safe inside a script element. */
  public String getWordsJson() {
    return Json.createObjectBuilder()
        .add("limit", language.text("map.popup-limit"))
        .add("more", language.text("map.popup-more"))
        .build()
        .toString()
        .replace("<", "\\u003c")
        .replace(">", "\\u003e");
  }

  /** The tile URL template, as a JSON string literal. */
  public String getTilesJson() {
    return Json.createValue(TILES).toString();
  }

  private Row row(SpeedCamera camera, LocalDate today, String base) {
    PublicPlace place = camera.place();
    PublicCertificate certificate = camera.certificate();
    String latitude = place.coordinates().latitude().toPlainString();
    String longitude = place.coordinates().longitude().toPlainString();
    String limit = place.speedLimitKmh() == null ? null : place.speedLimitKmh() + " km/h";
    String band =
        place.limitFrom() == null
            ? null
            : language.format2("map.band", TIME.format(place.limitFrom()), time(place.limitTo()));
    return new Row(
        camera.code(),
        "postazione-" + camera.code(),
        language.label(camera.type(), camera.type().italianLabel()),
        camera.description(),
        camera.manufacturer(),
        place.name(),
        place.zone(),
        latitude,
        longitude,
        "https://www.openstreetmap.org/?mlat="
            + latitude
            + "&mlon="
            + longitude
            + "#map=17/"
            + latitude
            + "/"
            + longitude,
        limit,
        band,
        certificate != null,
        certificate == null ? null : certificate.number(),
        certificate == null ? null : certificate.issuer(),
        certificate == null ? null : language.day(certificate.calibratedOn()),
        certificate == null ? null : language.day(certificate.validUntil()),
        certificate != null && certificate.validUntil().isBefore(today),
        certificate == null
            ? null
            : base
                + "/autovelox/certificato?device="
                + URLEncoder.encode(camera.code(), StandardCharsets.UTF_8));
  }

  private static String time(LocalTime time) {
    return time == null ? "" : TIME.format(time);
  }

  /** The portal's base URL, e.g. {@code /ctx/t/latina/portale}. */
  private String portalBase() {
    return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
        + currentTenant.pathPrefix()
        + "/portale";
  }
}
