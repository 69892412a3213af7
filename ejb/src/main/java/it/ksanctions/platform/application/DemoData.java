package it.ksanctions.platform.application;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.devices.application.CalibrationCertificates.NewCertificate;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.devices.domain.DownloadFrequency;
import it.ksanctions.devices.domain.FixedDeviceType;
import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.identity.domain.FirstAdministrator;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlaceDirectory;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.AutomaticRule;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.sanctions.application.CameraImports;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo content for a command, so that a newcomer running the product follows a fine from the start
 * (issue 13 item 10): its own base theme; coded places with an automatic speed point (limit 50
 * km/h) and a ZTL gate (08:00–20:00); a speed camera and a ZTL gate with their calibration
 * certificate; a camera file of the speed camera with photos, imported through the real batch job;
 * a few paper pre-notices; two acts of a rental firm, notified, whose drivers it names from the
 * portal. Only where enabled ({@code ksanctions.demo-data.enabled}, set by the run command, never
 * in production) and only once per command: a command that already has the demo places is left as
 * it is.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class DemoData {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  /** The demo palmtop of the first administrator, for the mobile app's API. */
  public static final String PALMTOP = "PALM-01";

  public static final String PALMTOP_IMEI = "356938035643809";

  /** The plate of the demo pre-notice left to pay on the portal. */
  public static final String PRE_NOTICE_PLATE = "KL012MN";

  /** The plate of the demo act paid through pagoPA (notified, then paid in the reduced measure). */
  public static final String PAID_PLATE = "PG246LM";

  /** The first 15 characters of the codice fiscale of that act's owner, who paid it. */
  private static final String PAID_OWNER = "GLLSRA88E52H501";

  private static final byte[] PDF =
      "%PDF-1.4\n% certificato di taratura dimostrativo\n1 0 obj <<>> endobj\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * The demo camera's photo: a real JPEG (480 × 300) of a road, a car and its plate, drawn with
   * shapes only, so that it needs no font on the server. Browsers show it; a header-only
   * placeholder would be a broken image.
   */
  static final byte[] JPEG = demoPhoto();

  static byte[] demoPhoto() {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(480, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new java.awt.Color(0x9E, 0xB8, 0xCF)); // sky
      g.fillRect(0, 0, 480, 120);
      g.setColor(new java.awt.Color(0x4A, 0x4F, 0x55)); // road
      g.fillRect(0, 120, 480, 180);
      g.setColor(java.awt.Color.WHITE); // lane marks
      for (int x = 10; x < 480; x += 90) {
        g.fillRect(x, 270, 50, 6);
      }
      g.setColor(new java.awt.Color(0x8C, 0x1D, 0x2B)); // the car
      g.fillRoundRect(120, 110, 240, 120, 30, 30);
      g.setColor(new java.awt.Color(0x2B, 0x3A, 0x4A)); // windscreen
      g.fillRoundRect(150, 122, 180, 45, 14, 14);
      g.setColor(java.awt.Color.BLACK); // wheels
      g.fillOval(135, 205, 50, 50);
      g.fillOval(295, 205, 50, 50);
      g.setColor(java.awt.Color.WHITE); // the plate
      g.fillRect(200, 185, 80, 22);
      g.setColor(new java.awt.Color(0x00, 0x33, 0x99));
      g.fillRect(200, 185, 10, 22);
      g.fillRect(270, 185, 10, 22);
      g.setColor(java.awt.Color.BLACK);
      for (int x = 214; x < 266; x += 8) {
        g.fillRect(x, 190, 5, 12);
      }
      g.setColor(new java.awt.Color(0xF2, 0xC1, 0x2E)); // the camera's data band
      g.fillRect(0, 0, 480, 16);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!javax.imageio.ImageIO.write(image, "jpg", out)) {
        throw new IllegalStateException("No JPEG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The demo rental firm (issue 16 item 6): the owner of two cars with an act each; its user of the
   * citizens' realm (devstack DevIdentities.RENTAL_FIRM_USER) carries the same tax code.
   */
  public static final String RENTAL_FIRM_TAX_CODE = "03123456786";

  public static final String RENTAL_FIRM_NAME = "Noleggi Dimostrativi S.r.l.";

  static final String[] RENTED_PLATES = {"FN234RT", "FN567RT"};

  @Inject
  @ConfigProperty(name = "ksanctions.demo-data.enabled", defaultValue = "false")
  boolean enabled;

  @Inject CurrentStaff currentStaff;
  @Inject BrandingAdministration branding;
  @Inject PlacesAdministration places;
  @Inject PlaceDirectory placeDirectory;
  @Inject DeviceRegistry devices;
  @Inject it.ksanctions.devices.application.DeviceCredentials deviceCredentials;
  @Inject CameraImports imports;
  @Inject PreNotices preNotices;
  @Inject it.ksanctions.command.application.CommandRegistryAdministration commandRegistry;
  @Inject it.ksanctions.command.application.IntegrationCredentials integrations;
  @Inject it.ksanctions.sanctions.application.VehicleOwners owners;
  @Inject it.ksanctions.sanctions.application.Verbali verbali;
  @Inject it.ksanctions.payments.application.Receipts receipts;

  /** What was done for a command. */
  public record Outcome(String tenant, boolean seeded, String message) {}

  public boolean enabled() {
    return enabled;
  }

  /**
   * Seeds the demo content of {@code slug} (once).
   *
   * @param theme the base theme to give the command ({@code default}, {@code verde}, {@code
   *     bordeaux})
   */
  public Outcome seed(String slug, String theme, String supportUser) {
    return seed(slug, theme, supportUser, false);
  }

  /**
   * As {@link #seed(String, String, String)}; with {@code palmtop}, also the palmtop {@value
   * #PALMTOP} of the first administrator and its one-time activation code (the mobile upload
   * benchmark's device).
   */
  public Outcome seed(String slug, String theme, String supportUser, boolean palmtop) {
    TenantId tenant = TenantId.of(slug);
    branding.assignBaseTheme(slug, theme, supportUser);
    try (TenantScope scope = TenantScope.enter(tenant)) {
      currentStaff.signIn(FirstAdministrator.defaultUsername(tenant));
      if (placeDirectory.place("AV-ROMA").isPresent()) {
        return new Outcome(slug, false, "dati dimostrativi già presenti");
      }
      places.create("COM", area("Territorio comunale", PlaceLevel.MUNICIPALITY, null));
      places.create("CENTRO", area("Centro abitato", PlaceLevel.AREA, "COM"));
      places.create("VIA-ROMA", area("Via Roma", PlaceLevel.ZONE, "CENTRO"));
      places.create(
          "AV-ROMA",
          automatic("Autovelox via Roma", "Velocità", new AutomaticRule(50, false, null, null)));
      places.create(
          "ZTL-DUOMO",
          automatic(
              "Varco ZTL piazza del Duomo",
              "Accessi ZTL",
              new AutomaticRule(null, true, LocalTime.of(8, 0), LocalTime.of(20, 0))));
      LocalDate today = LocalDate.now(ITALY);
      devices.register(
          "AV-01",
          DeviceData.fixed(
              FixedDeviceType.SPEED_CAMERA,
              "AV-ROMA",
              "Velocità",
              "Fornitore dimostrativo",
              "Misuratore di velocità omologato",
              DownloadFrequency.WEEKLY,
              OutputFormat.CSV,
              "Autovelox di via Roma (dimostrativo)"),
          certificate(today));
      devices.register(
          "ZTL-01",
          DeviceData.fixed(
              FixedDeviceType.ZTL_GATE,
              "ZTL-DUOMO",
              "Accessi ZTL",
              "Fornitore dimostrativo",
              "Varco elettronico",
              DownloadFrequency.DAILY,
              OutputFormat.CSV,
              "Varco della ZTL di piazza del Duomo (dimostrativo)"),
          null);
      imports.start(
          new CameraImports.NewImport(
              "AV-01",
              "Operatore dimostrativo",
              "File di esempio del misuratore di via Roma",
              "av-01-esempio.csv",
              sampleSpeedFile(),
              "av-01-foto.zip",
              samplePhotos()));
      LocalDateTime morning =
          LocalDateTime.now(ITALY).minusDays(1).withHour(9).truncatedTo(ChronoUnit.MINUTES);
      String officer = FirstAdministrator.defaultUsername(tenant);
      List<java.util.UUID> ids = new java.util.ArrayList<>();
      ids.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning,
                      "VIA-ROMA",
                      "158c6",
                      "AB123CD",
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Sosta sul marciapiede davanti al civico 12",
                      List.of()))
              .id());
      ids.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusMinutes(40),
                      "VIA-ROMA",
                      "7c15",
                      "EF456GH",
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Disco orario scaduto da oltre un'ora",
                      List.of()))
              .id());
      ids.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusHours(2),
                      "CENTRO",
                      "173c3bis",
                      "GH789JK",
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Conducente al telefono, fermato e identificato",
                      List.of()))
              .id());
      ids.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusMinutes(80),
                      "VIA-ROMA",
                      "158c6",
                      PAID_PLATE,
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Sosta sulle strisce pedonali",
                      List.of()))
              .id());
      // two cars of a rental firm, whose drivers the firm names from the portal's company area
      List<java.util.UUID> rented = new java.util.ArrayList<>();
      rented.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusHours(3),
                      "CENTRO",
                      "173c3bis",
                      RENTED_PLATES[0],
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Conducente al telefono, non fermato: veicolo a noleggio",
                      List.of()))
              .id());
      rented.add(
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusHours(4),
                      "VIA-ROMA",
                      "142c8",
                      RENTED_PLATES[1],
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Velocità rilevata con strumento mobile: veicolo a noleggio",
                      List.of()))
              .id());
      // one left as a pre-notice, for the portal's "Paga un preavviso" (ADR 0013)
      java.util.UUID unpaid =
          preNotices
              .recordPaper(
                  new PreNotices.PaperEntry(
                      morning.plusHours(5),
                      "VIA-ROMA",
                      "7c15",
                      PRE_NOTICE_PLATE,
                      "IT",
                      VehicleType.CAR,
                      officer,
                      "Disco orario non esposto: preavviso lasciato sul parabrezza",
                      List.of()))
              .id();
      verbaliOf(slug, ids, rented);
      String activation = null;
      if (palmtop) {
        // a palmtop of the first administrator, and its one-time activation code for the app
        devices.register(
            PALMTOP,
            DeviceData.mobile(
                PALMTOP_IMEI, "Palmare dimostrativo", "1.0.0", officer, null, today, null),
            null);
        activation = deviceCredentials.issueActivationCode(PALMTOP);
      }
      return new Outcome(
          slug,
          true,
          "dati dimostrativi creati; preavviso da pagare sul portale: targa "
              + PRE_NOTICE_PLATE
              + ", codice "
              + it.ksanctions.sanctions.domain.PreNoticePayment.printed(unpaid)
              + (activation == null
                  ? ""
                  : "; palmare "
                      + PALMTOP
                      + " (IMEI "
                      + PALMTOP_IMEI
                      + "): codice di attivazione "
                      + activation
                      + ", valido 24 ore"));
    }
  }

  /**
   * The command's registry and pagoPA creditor (what an act needs), the owners of the demo
   * pre-notices' plates, the pre-notices validated and issued as verbali: one issued, one notified
   * today, one annulled in self-protection.
   */
  private void verbaliOf(
      String slug, List<java.util.UUID> preNoticeIds, List<java.util.UUID> rentedIds) {
    it.ksanctions.command.domain.CommandRegistry onboarded = commandRegistry.current();
    String[] town =
        switch (slug) {
          case "latina" -> new String[] {"04100", "Latina", "LT"};
          case "torino" -> new String[] {"10122", "Torino", "TO"};
          default -> new String[] {"00184", "Roma", "RM"};
        };
    commandRegistry.save(
        new it.ksanctions.command.domain.CommandRegistry(
            onboarded.officialName(),
            onboarded.bodyKind(),
            null,
            onboarded.taxCode(),
            null,
            "Piazza del Municipio 1",
            town[0],
            town[1],
            town[2],
            "06 1234567",
            "polizialocale@" + slug + ".example.it",
            "polizialocale@pec." + slug + ".example.it",
            "https://www." + slug + ".example.it",
            "Comandante dimostrativo",
            null,
            it.ksanctions.command.domain.SignatureKind.NONE,
            null,
            null),
        "Dati dimostrativi");
    // With the run command's simulators (KSANCTIONS_SIMULATORS_URL), pagoPA and SEND point at
    // them, so an act can be followed from issue to payment; otherwise at a closed port.
    var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
    java.util.Optional<String> simulators =
        config.getOptionalValue("ksanctions.simulators.url", String.class);
    java.util.Optional<String> pdndKey =
        config.getOptionalValue("ksanctions.demo.pdnd-private-key", String.class);
    integrations.save(
        it.ksanctions.command.domain.IntegrationKind.PAGOPA,
        new it.ksanctions.command.application.IntegrationCredentials.Change(
            java.util.Map.of(
                "creditorTaxCode", onboarded.taxCode(),
                "segregationCode", "07",
                "iban", "IT60X0542811101000000123456",
                "environment", "UAT",
                "baseUrl", simulators.map(u -> u + "/gpd").orElse("http://127.0.0.1:9/gpd")),
            java.util.Map.of(
                "subscriptionKey",
                "demo-0123456789abcdef0123456789abcdef",
                "receiptKey",
                "demo-receipts-" + slug),
            java.util.Set.of(),
            "Dati dimostrativi"));
    if (simulators.isPresent() && pdndKey.isPresent()) {
      integrations.save(
          it.ksanctions.command.domain.IntegrationKind.SEND,
          new it.ksanctions.command.application.IntegrationCredentials.Change(
              java.util.Map.of(
                  "pdndClientId",
                  "demo-" + slug,
                  "pdndKeyId",
                  "demo-key",
                  "environment",
                  "UAT",
                  "baseUrl",
                  simulators.get() + "/send"),
              java.util.Map.of("apiKey", "demo-send-" + slug, "privateKey", pdndKey.get()),
              java.util.Set.of(),
              "Dati dimostrativi"));
    }
    String[][] people = {
      {"AB123CD", "Mario Rossi", "RSSMRA85T10A562", "mario.rossi@pec.example.it"},
      {"EF456GH", "Giulia Bianchi", "BNCGLI90A41E472", null},
      {"GH789JK", "Luca Verdi", "VRDLCU75C12L219", null},
      {PAID_PLATE, "Sara Gallo", PAID_OWNER, null}
    };
    for (String[] p : people) {
      owners.record(
          new it.ksanctions.sanctions.domain.OwnerData(
              p[0],
              "IT",
              p[1],
              p[2] + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(p[2]),
              "Via Garibaldi 7",
              town[0],
              town[1],
              town[2],
              p[3]));
    }
    // The owners of the demo camera file's plates, so its detections can become verbali too.
    for (int i = 0; i < 10; i++) {
      owners.record(
          new it.ksanctions.sanctions.domain.OwnerData(
              String.format("DM%03dXY", 100 + i),
              "IT",
              "Anna Neri",
              "NRENNA80A41E472"
                  + it.ksanctions.shared.CodiceFiscale.checkCharacterOf("NRENNA80A41E472"),
              "Via Mazzini " + (i + 1),
              town[0],
              town[1],
              town[2],
              null));
    }
    List<it.ksanctions.sanctions.application.Verbali.VerbaleView> issued =
        new java.util.ArrayList<>();
    for (java.util.UUID id : preNoticeIds) {
      preNotices.validate(id);
      issued.add(
          verbali
              // SEND is the channel of Highway Code fines (seed 003); it also reaches a PEC.
              .issue(
                  it.ksanctions.sanctions.application.Verbali.Source.preNotice(id),
                  it.ksanctions.command.domain.NotificationChannel.SEND)
              .verbale());
    }
    verbali.notified(issued.get(1).id(), LocalDate.now(ITALY));
    verbali.annul(
        issued.get(2).id(), "Dimostrazione: conducente già sanzionato con verbale contestato");
    // the fourth, notified today and paid at once in the reduced measure: the receipt is applied as
    // pagoPA pushes one, so the demo shows an act paid with its receipt
    long paid = issued.get(3).id();
    verbali.notified(paid, LocalDate.now(ITALY));
    it.ksanctions.sanctions.application.Verbali.WindowView reduced =
        verbali.detail(paid).windows().get(0);
    receipts.apply(
        new it.ksanctions.payments.application.PaymentGateway.Receipt(
            "DEMO-" + slug.toUpperCase(java.util.Locale.ROOT) + "-" + reduced.iuv(),
            reduced.iuv(),
            reduced.noticeCode(),
            onboarded.taxCode(),
            reduced.total(),
            java.time.Instant.now(),
            "Sara Gallo",
            PAID_OWNER + it.ksanctions.shared.CodiceFiscale.checkCharacterOf(PAID_OWNER),
            null,
            "Banca dimostrativa"),
        it.ksanctions.payments.application.Receipts.Source.PUSH);
    // the rental firm's acts, notified today: 60 days to name the drivers
    for (String plate : RENTED_PLATES) {
      owners.record(
          new it.ksanctions.sanctions.domain.OwnerData(
              plate,
              "IT",
              RENTAL_FIRM_NAME,
              RENTAL_FIRM_TAX_CODE,
              "Via dell'Industria 20",
              town[0],
              town[1],
              town[2],
              "noleggi.dimostrativi@pec.example.it"));
    }
    for (java.util.UUID id : rentedIds) {
      preNotices.validate(id);
      long act =
          verbali
              .issue(
                  it.ksanctions.sanctions.application.Verbali.Source.preNotice(id),
                  it.ksanctions.command.domain.NotificationChannel.SEND)
              .verbale()
              .id();
      verbali.notified(act, LocalDate.now(ITALY));
    }
  }

  /** The demo camera file: ten passages at the speed camera yesterday, a few within tolerance. */
  static byte[] sampleSpeedFile() {
    DateTimeFormatter when = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    LocalDateTime start =
        LocalDateTime.now(ITALY)
            .minusDays(1)
            .withHour(7)
            .withMinute(30)
            .truncatedTo(ChronoUnit.MINUTES);
    int[] speeds = {48, 55, 61, 67, 72, 90, 53, 104, 58, 66};
    StringBuilder csv = new StringBuilder("targa;nazione;data_ora;velocita;foto\n");
    for (int i = 0; i < speeds.length; i++) {
      csv.append(
          String.format(
              "DM%03d%s;I;%s;%d;%s%n",
              100 + i,
              "XY",
              when.format(start.plusMinutes(7L * i)),
              speeds[i],
              "rilevazione-" + (i + 1) + ".jpg"));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] samplePhotos() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 1; i <= 10; i++) {
        zip.putNextEntry(new ZipEntry("rilevazione-" + i + ".jpg"));
        zip.write(JPEG);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static NewCertificate certificate(LocalDate today) {
    return new NewCertificate(
        "DEMO-" + today.getYear() + "/01",
        "Centro di taratura dimostrativo",
        today.minusDays(60),
        today.plusDays(305),
        "certificato-taratura-dimostrativo.pdf",
        PDF);
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

  private static PlaceData automatic(String name, String subcategory, AutomaticRule rule) {
    return new PlaceData(
        name,
        PlaceCategory.AUTOMATIC_POINT,
        subcategory,
        PlaceLevel.PLACE,
        "VIA-ROMA",
        Coordinates.of("41.4671", "12.9041"),
        "CENTRO",
        null,
        null,
        null,
        rule);
  }
}
