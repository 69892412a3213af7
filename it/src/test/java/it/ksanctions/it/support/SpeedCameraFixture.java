package it.ksanctions.it.support;

import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * In-container fixture of the sanctions tests: in the tenant in scope (with a signed-in
 * administrator), the coded places down to the automatic point {@code AV-50} (speed limit 50 km/h)
 * and the speed camera {@code AV-01} there, with a calibration certificate from 30 days ago to 300
 * days ahead and CSV files. Created once; later calls find them.
 */
public final class SpeedCameraFixture {

  public static final String PLACE = "AV-50";
  public static final String DEVICE = "AV-01";

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private SpeedCameraFixture() {}

  public static void install(
      PlacesAdministration places, PlaceDirectory directory, DeviceRegistry devices) {
    if (directory.place(PLACE).isPresent()) {
      return;
    }
    places.create("LT", area("Comune", PlaceLevel.MUNICIPALITY, null));
    places.create("URB", area("Centro abitato", PlaceLevel.AREA, "LT"));
    places.create("VIA-ROMA", area("Via Roma", PlaceLevel.ZONE, "URB"));
    places.create(
        PLACE,
        new PlaceData(
            "Autovelox via Roma",
            PlaceCategory.AUTOMATIC_POINT,
            "Velocità",
            PlaceLevel.PLACE,
            "VIA-ROMA",
            Coordinates.of("41.4600", "12.9000"),
            "CENTRO",
            null,
            null,
            null,
            new AutomaticRule(50, false, null, null)));
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Rome"));
    devices.register(
        DEVICE,
        DeviceData.fixed(
            FixedDeviceType.SPEED_CAMERA,
            PLACE,
            "Velocità",
            "Sicurvia S.r.l.",
            "Velocar Red&Speed EVO",
            DownloadFrequency.WEEKLY,
            OutputFormat.CSV,
            "Autovelox via Roma"),
        new NewCertificate(
            "LAT 1/26",
            "Centro LAT 999",
            today.minusDays(30),
            today.plusDays(300),
            "certificato.pdf",
            PDF));
  }

  private static PlaceData area(String name, PlaceLevel level, String parent) {
    return new PlaceData(
        name,
        PlaceCategory.OTHER,
        null,
        level,
        parent,
        Coordinates.of("41.4676", "12.9037"),
        "CENTRO",
        null,
        null,
        null,
        null);
  }
}
