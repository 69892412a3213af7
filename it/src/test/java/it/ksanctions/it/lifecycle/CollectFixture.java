package it.ksanctions.it.lifecycle;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.IntegrationKind;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.VehicleOwners;
import it.ksanctions.sanctions.application.Verbali;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.OwnerData;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * In-container set-up of a command wired to the simulators (issue 15 tests): onboarded, registry
 * complete, a coded place, pagoPA and SEND credentials pointing at the simulators (its PDND key
 * registered there, its receipts pushed to this server), and acts issued from paper pre-notices.
 */
@ApplicationScoped
public class CollectFixture {

  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject TenantOnboarding onboarding;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject IntegrationCredentials integrations;
  @Inject PlacesAdministration places;
  @Inject CurrentStaff currentStaff;
  @Inject PreNotices preNotices;
  @Inject VehicleOwners owners;
  @Inject Verbali verbali;

  /** This server's HTTP address, seen from inside it. */
  static String base() {
    return "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
  }

  public static String sim() {
    return System.getenv("KSANCTIONS_SIMULATORS_URL");
  }

  static String codiceFiscale(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  /** Onboards {@code slug} and wires it to the simulators; call outside any tenant scope. */
  public void command(String slug, String creditor, String receiptKey) throws Exception {
    onboarding.onboard(
        OnboardingRequest.validated(slug, "Comune " + slug, "COMUNE", creditor, null, List.of()));
    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String clientId = "client-" + UUID.randomUUID();
    require(
        send(
            "PUT",
            sim() + "/__control/pdnd/clients/" + clientId + "/keys/kid-1",
            pem("PUBLIC KEY", keys.getPublic().getEncoded())));
    require(
        send(
            "PUT",
            sim() + "/__control/gpd/organizations/" + creditor + "/receipt-endpoint",
            "{\"url\":\""
                + base()
                + "/t/"
                + slug
                + "/api/v1/pagopa/receipts\",\"key\":\""
                + receiptKey
                + "\"}"));
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      currentStaff.signIn("admin." + slug);
      completeRegistry(slug);
      places.create("LT", place("Latina", PlaceLevel.MUNICIPALITY, null));
      places.create("CTR", place("Centro", PlaceLevel.AREA, "LT"));
      places.create("ZC", place("Zona centrale", PlaceLevel.ZONE, "CTR"));
      places.create("VIA-ROMA", place("Via Roma", PlaceLevel.PLACE, "ZC"));
      integrations.save(
          IntegrationKind.PAGOPA,
          new IntegrationCredentials.Change(
              Map.of(
                  "creditorTaxCode", creditor,
                  "segregationCode", "07",
                  "iban", "IT60X0542811101000000123456",
                  "environment", "UAT",
                  "baseUrl", sim() + "/gpd"),
              Map.of("subscriptionKey", "gpd-key-0123456789abcdef", "receiptKey", receiptKey),
              Set.of(),
              null));
      integrations.save(
          IntegrationKind.SEND,
          new IntegrationCredentials.Change(
              Map.of(
                  "pdndClientId",
                  clientId,
                  "pdndKeyId",
                  "kid-1",
                  "environment",
                  "UAT",
                  "baseUrl",
                  sim() + "/send"),
              Map.of(
                  "apiKey",
                  "send-key-0123456789abcdef",
                  "privateKey",
                  pem("PRIVATE KEY", keys.getPrivate().getEncoded())),
              Set.of(),
              null));
    }
  }

  /**
   * Issues an act for {@code plate} (owner recorded with {@code ownerCf}); in the tenant's scope.
   */
  public VerbaleView issue(String slug, String plate, String ownerName, String ownerCf) {
    return issueWithPin(slug, plate, ownerName, ownerCf, List.of()).verbale();
  }

  /** As {@link #issue}, with the officer's photos; answers the act and its PIN. */
  public Verbali.Issued issueWithPin(
      String slug, String plate, String ownerName, String ownerCf, List<byte[]> photos) {
    owners.record(
        new OwnerData(
            plate, "IT", ownerName, ownerCf, "Via Roma 1", "04100", "Latina", "LT", null));
    UUID id =
        preNotices
            .recordPaper(
                new PaperEntry(
                    LocalDateTime.now(ITALY).minusHours(3).truncatedTo(ChronoUnit.MINUTES),
                    "VIA-ROMA",
                    "142c8",
                    plate,
                    null,
                    VehicleType.CAR,
                    "admin." + slug,
                    null,
                    photos))
            .id();
    preNotices.validate(id);
    return verbali.issue(Verbali.Source.preNotice(id), null);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void require(HttpResponse<String> response) {
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("Simulator control refused: " + response.statusCode());
    }
  }

  private void completeRegistry(String slug) {
    CommandRegistry onboarded = commandRegistry.current();
    if (onboarded.complete()) {
      return;
    }
    commandRegistry.save(
        new CommandRegistry(
            onboarded.officialName(),
            onboarded.bodyKind(),
            null,
            onboarded.taxCode(),
            null,
            "Piazza del Popolo 1",
            "04100",
            "Latina",
            "LT",
            null,
            null,
            "comando@pec." + slug + ".it",
            null,
            null,
            null,
            SignatureKind.NONE,
            null,
            null),
        null);
  }

  static PlaceData place(String name, PlaceLevel level, String parent) {
    return new PlaceData(
        name,
        level == PlaceLevel.PLACE ? PlaceCategory.STREET : PlaceCategory.OTHER,
        null,
        level,
        parent,
        Coordinates.of("41.4660", "12.9020"),
        "CENTRO",
        null,
        null,
        null,
        null);
  }
}
