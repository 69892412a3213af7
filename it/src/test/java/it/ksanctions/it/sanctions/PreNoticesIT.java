package it.ksanctions.it.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.command.domain.SignatureKind;
import it.ksanctions.devices.application.DeviceCredentials;
import it.ksanctions.devices.application.DeviceRegistry;
import it.ksanctions.devices.domain.DeviceData;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.places.application.PlacesAdministration;
import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceData;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.sanctions.application.PreNotices;
import it.ksanctions.sanctions.application.PreNotices.BulkOutcome;
import it.ksanctions.sanctions.application.PreNotices.Filter;
import it.ksanctions.sanctions.application.PreNotices.PaperEntry;
import it.ksanctions.sanctions.application.PreNotices.Summary;
import it.ksanctions.sanctions.domain.PreNoticeStatus;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.sanctions.domain.VehicleType;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pre-notices end to end (LIF-1, DEV-4, PRM-6, CMD-4): the mobile app activates over HTTP and
 * uploads batches that are idempotent per UUID (sent twice, cut halfway and resent, or sent twice
 * at once: each pre-notice once), with per-item refusals in Italian and one sync-session row per
 * call; a device credential of another command is 401; each role sees the pre-notices its policy
 * allows (officer own, instructor department, manager and auditor all, the auditor read-only); a
 * block of verbale numbers is reserved, partly used, given back, and every number is accounted for
 * without a gap in the register.
 *
 * <p>The places, users and devices are set up in the server (no API creates them); the activation
 * codes reach the HTTP client through a command setting of each tenant, read back with SQL.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreNoticesIT {

  static final String ALFA = "pre-alfa";
  static final String BETA = "pre-beta";
  static final String ADMIN = "admin." + ALFA;
  static final String ADMIN_BETA = "admin." + BETA;
  static final String OFFICER = "pn.agente.rossi";
  static final String OTHER_OFFICER = "pn.agente.gialli";
  static final String INSTRUCTOR = "pn.istruttore.blu";
  static final String MANAGER = "pn.resp.viola";
  static final String AUDITOR = "pn.revisore.grigi";
  static final String BETA_OFFICER = "pn.agente.beta";
  static final String TRAFFIC = "VIABILITA";
  static final String MARKETS = "ANNONARIA";
  static final String IMEI = "352099001761481";
  static final String PASSWORD = "Preavvisi-2026!";
  static final String ACTIVATION_KEY = "it.prenotices.activation";
  static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  static final String JPEG =
      Base64.getEncoder()
          .encodeToString(
              new byte[] {
                (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0
              });
  static final String GIF = Base64.getEncoder().encodeToString("GIF89a....".getBytes());
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject PlacesAdministration places;
  @Inject PermissionsAdministration permissions;
  @Inject CurrentStaff currentStaff;
  @Inject DeviceRegistry devices;
  @Inject DeviceCredentials credentials;
  @Inject PreNotices preNotices;
  @Inject TenantProbe probe;

  /** The device credential of ALFA's palmtop, activated over HTTP (client side only). */
  static String credential;

  static String taxCode(String first15) {
    return first15 + CodiceFiscale.checkCharacterOf(first15);
  }

  static PlaceData place(String name, PlaceLevel level, String parent, String lat, String lon) {
    return new PlaceData(
        name,
        level == PlaceLevel.PLACE ? PlaceCategory.STREET : PlaceCategory.OTHER,
        null,
        level,
        parent,
        Coordinates.of(lat, lon),
        "CENTRO",
        null,
        null,
        null,
        null);
  }

  void user(String username, String given, String surname, String cf15, String dept, String role) {
    permissions.createUser(
        new NewUser(username, given, surname, taxCode(cf15), null, dept, role), null);
  }

  // ------------------------------------------------------------------ set-up in the server

  @Test
  @Order(1)
  void setUpTwoCommandsWithPlacesStaffAndAPalmtopEach() {
    onboarding.onboard(
        OnboardingRequest.validated(
            ALFA, "Comune dei Preavvisi", "COMUNE", "00097020598", null, List.of()));
    onboarding.onboard(
        OnboardingRequest.validated(
            BETA, "Comune Forestiero", "COMUNE", "00097020598", null, List.of()));
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn(ADMIN);
      completeRegistry(ALFA);
      places.create("LT", place("Latina", PlaceLevel.MUNICIPALITY, null, "41.4676", "12.9037"));
      places.create("CTR", place("Centro", PlaceLevel.AREA, "LT", "41.4670", "12.9030"));
      places.create("ZC", place("Zona centrale", PlaceLevel.ZONE, "CTR", "41.4665", "12.9025"));
      places.create("VIA-ROMA", place("Via Roma", PlaceLevel.PLACE, "ZC", "41.4660", "12.9020"));
      places.create(
          "VIA-CHIUSA", place("Via Chiusa", PlaceLevel.PLACE, "ZC", "41.4650", "12.9010"));
      places.deactivate("VIA-CHIUSA", "Strada chiusa per lavori");
      user(OFFICER, "Mario", "Rossi", "RSSMRA80A01E472", TRAFFIC, "FIELD_OFFICER");
      user(OTHER_OFFICER, "Gino", "Gialli", "GLLGNI80A01E472", MARKETS, "FIELD_OFFICER");
      user(INSTRUCTOR, "Bruno", "Blu", "BLUBRN80A01E472", TRAFFIC, "INSTRUCTOR");
      user(MANAGER, "Viola", "Viola", "VLIVLI80A41E472", null, "COMMAND_MANAGER");
      user(AUDITOR, "Grazia", "Grigi", "GRGGRZ80A41E472", null, "AUDITOR");
      devices.register(
          "PALM-A",
          DeviceData.mobile(IMEI, "Zebra TC58", "3.2.0", OFFICER, null, LocalDate.now(ITALY), null),
          null);
      probe.write(ACTIVATION_KEY, credentials.issueActivationCode("PALM-A"));
      // A paper pre-notice of the other department's officer, typed in by the administrator.
      Summary paper =
          preNotices.recordPaper(
              new PaperEntry(
                  LocalDateTime.now(ITALY).minusHours(2).truncatedTo(ChronoUnit.MINUTES),
                  "via-roma",
                  "142c8",
                  "ZA 123 BC",
                  null,
                  VehicleType.CAR,
                  OTHER_OFFICER,
                  "Verbale cartaceo n. 12 del blocchetto",
                  List.of()));
      assertThat(paper.department()).isEqualTo(MARKETS);
      assertThat(paper.status()).isEqualTo(PreNoticeStatus.RECORDED);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      currentStaff.signIn(ADMIN_BETA);
      user(BETA_OFFICER, "Bea", "Beta", "BTEBEA80A41E472", TRAFFIC, "FIELD_OFFICER");
      // The same palmtop model and IMEI, registered in the other command.
      devices.register(
          "PALM-B",
          DeviceData.mobile(
              IMEI, "Zebra TC58", "3.2.0", BETA_OFFICER, null, LocalDate.now(ITALY), null),
          null);
      probe.write(ACTIVATION_KEY, credentials.issueActivationCode("PALM-B"));
    }
  }

  private void completeRegistry(String slug) {
    if (commandRegistry.current().complete()) {
      return;
    }
    CommandRegistry onboarded = commandRegistry.current();
    commandRegistry.save(
        new CommandRegistry(
            onboarded.officialName(),
            onboarded.bodyKind(),
            null,
            onboarded.taxCode(),
            null,
            null,
            null,
            null,
            null,
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

  // ------------------------------------------------------------------ the mobile upload

  @Test
  @Order(2)
  @RunAsClient
  void aBatchSentTwiceCutHalfwayOrTwiceAtOnceStoresEachPreNoticeOnce() throws Exception {
    for (String user : List.of(OFFICER, OTHER_OFFICER, INSTRUCTOR, MANAGER, AUDITOR)) {
      TestStack.keycloak().setPassword(user, PASSWORD);
    }
    TestStack.keycloak().setPassword(BETA_OFFICER, PASSWORD);
    credential = activate(ALFA, OFFICER);

    List<String> ids = IntStream.range(0, 4).mapToObj(i -> uuid()).toList();
    List<String> batch =
        List.of(
            item(ids.get(0), minutesAgo(50), "VIA-ROMA", "142c8", "AB123CD", "IT", List.of(JPEG)),
            item(ids.get(1), minutesAgo(40), "via-roma", "142C8", "ab 124 cd", null, List.of()),
            item(ids.get(2), minutesAgo(30), "VIA-ROMA", "146c2", "AB125CD", "IT", List.of()),
            item(ids.get(3), minutesAgo(20), "VIA-ROMA", "142c8", "AB126CD", "IT", List.of()));

    // Cut halfway: the connection dropped after the first two were received.
    Map<String, Map<String, String>> first =
        outcomes(upload(OFFICER, credential, batch.subList(0, 2)));
    assertThat(first.values()).extracting(r -> r.get("outcome")).containsOnly("CREATED");
    // Resent as a whole: the first two are recognised, the rest is stored.
    HttpResponse<String> resent = upload(OFFICER, credential, batch);
    assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
    Map<String, Map<String, String>> second = outcomes(resent);
    assertThat(second.get(ids.get(0)).get("outcome")).isEqualTo("ALREADY_RECEIVED");
    assertThat(second.get(ids.get(1)).get("outcome")).isEqualTo("ALREADY_RECEIVED");
    assertThat(second.get(ids.get(2)).get("outcome")).isEqualTo("CREATED");
    assertThat(second.get(ids.get(3)).get("outcome")).isEqualTo("CREATED");
    assertThat(resent.body()).contains("\"created\":2", "\"alreadyReceived\":2", "\"refused\":0");
    // Sent once more: nothing new.
    assertThat(outcomes(upload(OFFICER, credential, batch)).values())
        .extracting(r -> r.get("outcome"))
        .containsOnly("ALREADY_RECEIVED");

    // The same new batch twice at once: each pre-notice is created by exactly one of them.
    List<String> twinIds = IntStream.range(0, 6).mapToObj(i -> uuid()).toList();
    List<String> twins =
        twinIds.stream()
            .map(
                id ->
                    item(
                        id,
                        minutesAgo(10),
                        "VIA-ROMA",
                        "142c8",
                        "AC" + (100 + twinIds.indexOf(id)) + "DE",
                        "IT",
                        List.of(JPEG)))
            .toList();
    CompletableFuture<HttpResponse<String>> one = uploadAsync(OFFICER, credential, twins);
    CompletableFuture<HttpResponse<String>> two = uploadAsync(OFFICER, credential, twins);
    HttpResponse<String> a = one.get();
    HttpResponse<String> b = two.get();
    assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
    assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
    Map<String, Map<String, String>> ra = outcomes(a);
    Map<String, Map<String, String>> rb = outcomes(b);
    for (String id : twinIds) {
      assertThat(List.of(ra.get(id).get("outcome"), rb.get(id).get("outcome")))
          .as(id)
          .containsExactlyInAnyOrder("CREATED", "ALREADY_RECEIVED");
    }

    // Each UUID is stored once, with its photo.
    String listed = body(get("/t/" + ALFA + "/api/v1/pre-notices", token(OFFICER)));
    for (String id : concat(ids, twinIds)) {
      assertThat(occurrences(listed, id)).as(id).isEqualTo(1);
    }
    try (Connection db = tenantDatabase(ALFA);
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select count(*), count(distinct id), sum(photo_count) from "
                    + schema(ALFA)
                    + ".pre_notice where origin = 'MOBILE'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(10);
      assertThat(rs.getLong(2)).isEqualTo(10);
      assertThat(rs.getLong(3)).isEqualTo(7);
    }
  }

  @Test
  @Order(3)
  @RunAsClient
  void refusedItemsAreToldWithTheirReasonAndTheRestIsKept() throws Exception {
    String good = uuid();
    String foreign = uuid();
    String unknownArticle = uuid();
    String inactivePlace = uuid();
    String unknownPlace = uuid();
    String future = uuid();
    String badPlate = uuid();
    String gif = uuid();
    String notBase64 = uuid();
    List<String> batch =
        List.of(
            item(good, minutesAgo(5), "VIA-ROMA", "142c8", "AD123EF", "IT", List.of()),
            item(foreign, minutesAgo(5), "VIA-ROMA", "142c8", "M-AB 1234", "DE", List.of()),
            item(unknownArticle, minutesAgo(5), "VIA-ROMA", "999c9", "AD124EF", "IT", List.of()),
            item(inactivePlace, minutesAgo(5), "VIA-CHIUSA", "142c8", "AD125EF", "IT", List.of()),
            item(unknownPlace, minutesAgo(5), "NOWHERE", "142c8", "AD126EF", "IT", List.of()),
            item(
                future,
                Instant.now().plus(Duration.ofHours(1)).toString(),
                "VIA-ROMA",
                "142c8",
                "AD127EF",
                "IT",
                List.of()),
            item(badPlate, minutesAgo(5), "VIA-ROMA", "142c8", "AB12", "IT", List.of()),
            item(gif, minutesAgo(5), "VIA-ROMA", "142c8", "AD128EF", "IT", List.of(GIF)),
            item(notBase64, minutesAgo(5), "VIA-ROMA", "142c8", "AD129EF", "IT", List.of("%%%")));
    HttpResponse<String> answer = upload(OFFICER, credential, batch);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, Map<String, String>> results = outcomes(answer);
    assertThat(results.get(good).get("outcome")).isEqualTo("CREATED");
    assertThat(results.get(foreign).get("outcome")).isEqualTo("CREATED");
    assertRefused(
        results.get(unknownArticle), "sanctions.article.not-in-force", "non era in vigore");
    assertRefused(results.get(inactivePlace), "sanctions.place.not-valid", "disattivato");
    assertRefused(results.get(unknownPlace), "sanctions.place.not-valid", "non esiste");
    assertRefused(results.get(future), "sanctions.violation-time.future", "nel futuro");
    assertRefused(results.get(badPlate), "sanctions.plate.invalid", "Targa italiana non valida");
    assertRefused(results.get(gif), "sanctions.photo.type", "JPEG o PNG");
    assertRefused(results.get(notBase64), "sanctions.photo.encoding", "base64");

    // The session of this call, with its counts and anomalies (DEV-4).
    long session = Long.parseLong(field(answer.body(), "session"));
    try (Connection db = tenantDatabase(ALFA);
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select device_code, officer, items_received, items_accepted, items_duplicate,"
                    + " items_refused, anomalies, ended_at is not null from "
                    + schema(ALFA)
                    + ".mobile_sync_session where id = "
                    + session)) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("PALM-A");
      assertThat(rs.getString(2)).isEqualTo(OFFICER);
      assertThat(rs.getInt(3)).isEqualTo(9);
      assertThat(rs.getInt(4)).isEqualTo(2);
      assertThat(rs.getInt(5)).isZero();
      assertThat(rs.getInt(6)).isEqualTo(7);
      assertThat(rs.getString(7))
          .contains(unknownArticle, "sanctions.article.not-in-force", "sanctions.plate.invalid");
      assertThat(rs.getBoolean(8)).isTrue();
    }

    // A malformed body or an empty batch is refused as a whole.
    assertThat(
            send(
                    "POST",
                    "/t/" + ALFA + "/api/v1/mobile/pre-notices",
                    token(OFFICER),
                    credential,
                    "{\"items\":")
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> empty =
        send(
            "POST",
            "/t/" + ALFA + "/api/v1/mobile/pre-notices",
            token(OFFICER),
            credential,
            "{\"items\":[]}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("sanctions.batch.empty");
  }

  @Test
  @Order(4)
  @RunAsClient
  void aDeviceCredentialOfAnotherCommandOrAnotherOfficerIs401() throws Exception {
    String foreignCredential = activate(BETA, BETA_OFFICER);
    String id = uuid();
    List<String> batch =
        List.of(item(id, minutesAgo(5), "VIA-ROMA", "142c8", "AE123FG", "IT", List.of()));
    // ALFA's officer presents the credential BETA issued for the same IMEI.
    HttpResponse<String> foreign = upload(OFFICER, foreignCredential, batch);
    assertThat(foreign.statusCode()).isEqualTo(401);
    assertThat(foreign.body()).contains("Dispositivo non autorizzato");
    assertThat(
            send(
                    "POST",
                    "/t/" + ALFA + "/api/v1/mobile/number-blocks",
                    token(OFFICER),
                    foreignCredential,
                    "{\"size\":3}")
                .statusCode())
        .isEqualTo(401);
    // Another officer with ALFA's own credential: the palmtop is assigned to Rossi.
    HttpResponse<String> someoneElse = upload(OTHER_OFFICER, credential, batch);
    assertThat(someoneElse.statusCode()).isEqualTo(401);
    assertThat(someoneElse.body()).contains("assegnato ad altro agente");
    // Nothing was stored, and the refusals are in the device's access log.
    try (Connection db = tenantDatabase(ALFA);
        Statement sql = db.createStatement()) {
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from " + schema(ALFA) + ".pre_notice where id = '" + id + "'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from "
                  + schema(ALFA)
                  + ".device_access where outcome = 'REFUSED' and operation in ('PRE_NOTICES',"
                  + " 'NUMBER_BLOCK')")) {
        rs.next();
        assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(3);
      }
    }
  }

  // ------------------------------------------------------------------ offline numbering

  @Test
  @Order(5)
  @RunAsClient
  void aBlockOfVerbaleNumbersIsReservedPartlyUsedAndGivenBackWithoutAGap() throws Exception {
    String blocks = "/t/" + ALFA + "/api/v1/mobile/number-blocks";
    assertThat(send("POST", blocks, token(OFFICER), credential, "{\"size\":0}").statusCode())
        .isEqualTo(400);
    assertThat(send("POST", blocks, token(OFFICER), credential, "{\"size\":101}").statusCode())
        .isEqualTo(400);

    HttpResponse<String> reserved =
        send("POST", blocks, token(OFFICER), credential, "{\"size\":5}");
    assertThat(reserved.statusCode()).as(reserved.body()).isEqualTo(201);
    long blockId = Long.parseLong(field(reserved.body(), "id"));
    long first = Long.parseLong(field(reserved.body(), "first"));
    long last = Long.parseLong(field(reserved.body(), "last"));
    assertThat(last - first).isEqualTo(4);
    List<String> numbers =
        objects(reserved.body(), "numbers").stream().map(n -> n.get("number")).toList();
    assertThat(numbers).hasSize(5).doesNotHaveDuplicates();
    assertThat(reserved.body()).contains("\"outstanding\":5", "\"used\":0");

    // Two contested on the spot with the first two numbers; a number is used once only.
    String used1 = uuid();
    String used2 = uuid();
    String again = uuid();
    String stranger = uuid();
    Map<String, Map<String, String>> results =
        outcomes(
            upload(
                OFFICER,
                credential,
                List.of(
                    itemWithNumber(used1, numbers.get(0), "AF123GH"),
                    itemWithNumber(used2, numbers.get(1), "AF124GH"),
                    itemWithNumber(again, numbers.get(0), "AF125GH"),
                    itemWithNumber(stranger, "ZZ/0000/999999", "AF126GH"))));
    assertThat(results.get(used1).get("outcome")).isEqualTo("CREATED");
    assertThat(results.get(used2).get("outcome")).isEqualTo("CREATED");
    assertRefused(results.get(again), "sanctions.number-block.number-used", "già stato usato");
    assertRefused(results.get(stranger), "sanctions.number-block.number-unknown", "non appartiene");

    // The rest is given back at the end of the shift: annulled with the reason.
    HttpResponse<String> missingReason =
        send("POST", blocks + "/" + blockId + "/return", token(OFFICER), credential, "{}");
    assertThat(missingReason.statusCode()).isEqualTo(400);
    assertThat(missingReason.body()).contains("sanctions.reason.required");
    HttpResponse<String> returned =
        send(
            "POST",
            blocks + "/" + blockId + "/return",
            token(OFFICER),
            credential,
            "{\"reason\":\"Fine turno, numeri non usati\"}");
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
    assertThat(returned.body()).contains("\"used\":2", "\"annulled\":3", "\"outstanding\":0");
    List<Map<String, String>> report = objects(returned.body(), "numbers");
    assertThat(report)
        .filteredOn(n -> n.get("status").equals("ANNULLED"))
        .hasSize(3)
        .allSatisfy(n -> assertThat(n.get("reason")).isEqualTo("Fine turno, numeri non usati"));
    assertThat(report)
        .filteredOn(n -> n.get("status").equals("USED"))
        .extracting(n -> n.get("preNoticeId"))
        .containsExactlyInAnyOrder(used1, used2);
    // An annulled number can no longer be used; the report reads the same later.
    assertRefused(
        outcomes(
                upload(
                    OFFICER,
                    credential,
                    List.of(itemWithNumber(uuid(), numbers.get(2), "AF127GH"))))
            .values()
            .iterator()
            .next(),
        "sanctions.number-block.number-annulled",
        "annullato");
    assertThat(body(send("GET", blocks + "/" + blockId, token(OFFICER), credential, null)))
        .contains("\"used\":2", "\"annulled\":3");

    // The register goes on after the block: the next number is last + 1.
    HttpResponse<String> next = send("POST", blocks, token(OFFICER), credential, "{\"size\":1}");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    assertThat(Long.parseLong(field(next.body(), "first"))).isEqualTo(last + 1);
    String nextNumber = objects(next.body(), "numbers").get(0).get("number");
    HttpResponse<String> nextReturned =
        send(
            "POST",
            blocks + "/" + field(next.body(), "id") + "/return",
            token(OFFICER),
            credential,
            "{\"numbers\":[" + quote(nextNumber) + "],\"reason\":\"Palmare guasto\"}");
    assertThat(nextReturned.body()).contains("\"annulled\":1", "\"outstanding\":0");

    try (Connection db = tenantDatabase(ALFA);
        Statement sql = db.createStatement()) {
      try (ResultSet rs =
          sql.executeQuery(
              "select min(progressive), max(progressive), count(*), count(*) filter (where status"
                  + " = 'OUTSTANDING') from "
                  + schema(ALFA)
                  + ".verbale_block_number")) {
        rs.next();
        // Every number from the first to the last is in a block, once, and accounted for.
        assertThat(rs.getLong(1)).isEqualTo(first);
        assertThat(rs.getLong(2)).isEqualTo(last + 1);
        assertThat(rs.getLong(3)).isEqualTo(last + 2 - first);
        assertThat(rs.getLong(4)).isZero();
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select max(last_number) from " + schema(ALFA) + ".verbale_number_sequence")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(last + 1);
      }
      try (ResultSet rs =
          sql.executeQuery(
              "select count(*) from "
                  + schema(ALFA)
                  + ".pre_notice where verbale_number is not null")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
    }
  }

  // ------------------------------------------------------------------ visibility (PRM-6)

  @Test
  @Order(6)
  @RunAsClient
  void eachRoleListsThePreNoticesItsPolicyShows() throws Exception {
    String path = "/t/" + ALFA + "/api/v1/pre-notices";
    List<Map<String, String>> own = objects(body(get(path, token(OFFICER))), null);
    assertThat(own).isNotEmpty().allSatisfy(p -> assertThat(p.get("officer")).isEqualTo(OFFICER));
    List<Map<String, String>> other = objects(body(get(path, token(OTHER_OFFICER))), null);
    assertThat(other)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("officer")).isEqualTo(OTHER_OFFICER);
              assertThat(p.get("origin")).isEqualTo("PAPER");
            });
    List<Map<String, String>> department = objects(body(get(path, token(INSTRUCTOR))), null);
    assertThat(department)
        .hasSameSizeAs(own)
        .allSatisfy(p -> assertThat(p.get("department")).isEqualTo(TRAFFIC));
    List<Map<String, String>> all = objects(body(get(path, token(MANAGER))), null);
    assertThat(all).hasSize(own.size() + other.size());
    List<Map<String, String>> audited = objects(body(get(path, token(AUDITOR))), null);
    assertThat(audited).hasSize(all.size());
    // Filters: status and period (Italian days).
    String today = LocalDate.now(ITALY).toString();
    assertThat(
            objects(
                body(get(path + "?status=ARCHIVED&from=" + today + "&to=" + today, token(MANAGER))),
                null))
        .isEmpty();
    assertThat(objects(body(get(path + "?to=2000-01-01", token(MANAGER))), null)).isEmpty();
    assertThat(get(path + "?from=ieri", token(MANAGER)).statusCode()).isEqualTo(400);
    assertThat(get(path + "?status=FATTO", token(MANAGER)).statusCode()).isEqualTo(400);
    // A token of the other command: 403 before anything is read.
    assertThat(get(path, token(BETA_OFFICER)).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(7)
  void auditorsOnlyReadAndTheOfficeReviewsWithinItsVisibility() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn(ADMIN);
      List<Summary> rossi =
          preNotices.search(
              new Filter(null, null, null, null, null, OFFICER, PreNoticeStatus.RECORDED, null));
      assertThat(rossi).hasSizeGreaterThanOrEqualTo(4);
      Summary paper =
          preNotices
              .search(new Filter(null, null, null, null, null, OTHER_OFFICER, null, null))
              .get(0);

      // The auditor sees everything, read-only, and never exports.
      currentStaff.signIn(AUDITOR);
      assertThat(preNotices.search(Filter.all())).hasSize(rossi.size() + 1);
      assertThat(preNotices.detail(rossi.get(0).id()).readOnly()).isTrue();
      assertThatThrownBy(() -> preNotices.validate(rossi.get(0).id()))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(() -> preNotices.exportCsv(Filter.all()))
          .isInstanceOf(AccessDeniedException.class);

      // The instructor of Rossi's department reviews his pre-notices, not the other department's.
      currentStaff.signIn(INSTRUCTOR);
      assertThat(preNotices.detail(rossi.get(0).id()).readOnly()).isFalse();
      refused(() -> preNotices.detail(paper.id()), SanctionsRule.NOT_FOUND);
      refused(() -> preNotices.archive(paper.id(), "Targa illeggibile"), SanctionsRule.NOT_FOUND);
      assertThat(preNotices.validate(rossi.get(0).id()).status())
          .isEqualTo(PreNoticeStatus.VALIDATED);
      refused(() -> preNotices.archive(rossi.get(1).id(), " "), SanctionsRule.REASON_REQUIRED);
      assertThat(preNotices.archive(rossi.get(1).id(), "Veicolo in emergenza").status())
          .isEqualTo(PreNoticeStatus.ARCHIVED);
      assertThat(
              preNotices
                  .correctPlate(rossi.get(2).id(), "AB 999 CD", "IT", "Cifre lette male in strada")
                  .plate())
          .isEqualTo("AB999CD");
      assertThat(preNotices.detail(rossi.get(2).id()).preNotice().corrections())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.author()).isEqualTo(INSTRUCTOR);
                assertThat(c.reason()).isEqualTo("Cifre lette male in strada");
              });
      BulkOutcome bulk =
          preNotices.validateAll(List.of(rossi.get(0).id(), rossi.get(2).id(), rossi.get(3).id()));
      assertThat(bulk.done()).isEqualTo(2);
      assertThat(bulk.refusals()).singleElement().asString().contains("già stato validato");
      refused(() -> preNotices.restore(rossi.get(1).id()), SanctionsRule.RESTORE_MANAGERS_ONLY);
      // A paper pre-notice for an officer of another department is not the instructor's to enter.
      refused(
          () ->
              preNotices.recordPaper(
                  new PaperEntry(
                      LocalDateTime.now(ITALY).minusHours(1),
                      "VIA-ROMA",
                      "142c8",
                      "AG123HJ",
                      "IT",
                      VehicleType.CAR,
                      OTHER_OFFICER,
                      null,
                      List.of())),
          SanctionsRule.OFFICER_NOT_VISIBLE);

      // The command manager sees all but, by default, does not review pre-notices.
      currentStaff.signIn(MANAGER);
      assertThat(preNotices.search(Filter.all())).hasSizeGreaterThan(rossi.size());
      assertThatThrownBy(() -> preNotices.restore(rossi.get(1).id()))
          .isInstanceOf(AccessDeniedException.class);
      // The System administrator (whole command, every permission) restores the archived one.
      currentStaff.signIn(ADMIN);
      assertThat(preNotices.restore(rossi.get(1).id()).status())
          .isEqualTo(PreNoticeStatus.RECORDED);
      assertThat(preNotices.detail(rossi.get(1).id()).preNotice().archiveReason())
          .isEqualTo("Veicolo in emergenza");
      assertThat(
              new String(
                  preNotices.exportCsv(Filter.all()), java.nio.charset.StandardCharsets.UTF_8))
          .contains("AB999CD", OTHER_OFFICER);
    }
  }

  static void refused(ThrowingCallable call, SanctionsRule rule) {
    assertThatThrownBy(call)
        .isInstanceOf(SanctionsRuleException.class)
        .extracting(e -> ((SanctionsRuleException) e).rule())
        .isEqualTo(rule);
  }

  @Inject it.ksanctions.sanctions.application.Verbali verbali;
  @Inject it.ksanctions.sanctions.application.VehicleOwners owners;
  @Inject it.ksanctions.command.application.IntegrationCredentials integrations;
  @Inject it.ksanctions.command.application.VerbaleNumbering numbering;

  @Test
  @Order(8)
  void aPreNoticeContestedOnTheSpotBecomesANotifiedActWithItsBlockNumber() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn(ADMIN);
      integrations.save(
          it.ksanctions.command.domain.IntegrationKind.PAGOPA,
          new it.ksanctions.command.application.IntegrationCredentials.Change(
              Map.of(
                  "creditorTaxCode", "00097020598",
                  "segregationCode", "07",
                  "iban", "IT60X0542811101000000123456",
                  "environment", "UAT",
                  "baseUrl", "http://127.0.0.1:9/gpd"),
              Map.of("subscriptionKey", "0123456789abcdef0123456789abcdef"),
              java.util.Set.of(),
              null));
      Summary contested =
          preNotices.search(Filter.all()).stream()
              .filter(p -> p.verbaleNumber() != null && p.status() != PreNoticeStatus.ARCHIVED)
              .findFirst()
              .orElseThrow();
      if (contested.status() == PreNoticeStatus.RECORDED) {
        preNotices.validate(contested.id());
      }
      owners.record(
          new it.ksanctions.sanctions.domain.OwnerData(
              contested.plate(),
              "IT",
              "Mario Rossi",
              "RSSMRA85T10A562S",
              "Via Roma 1",
              "04100",
              "Latina",
              "LT",
              null));
      long sequencesBefore = numbering.sequences().stream().mapToLong(q -> q.lastNumber()).sum();

      var act =
          verbali
              .issue(
                  it.ksanctions.sanctions.application.Verbali.Source.preNotice(contested.id()),
                  null)
              .verbale();

      LocalDate day = LocalDate.ofInstant(contested.violationAt(), ITALY);
      assertThat(act.number()).isEqualTo(contested.verbaleNumber());
      assertThat(act.status()).isEqualTo(it.ksanctions.sanctions.domain.VerbaleStatus.NOTIFIED);
      assertThat(act.notifiedOn()).isEqualTo(day);
      assertThat(act.windows().get(0).lastDay()).isAfterOrEqualTo(day.plusDays(5));
      assertThat(act.events()).extracting(e -> e.to().name()).containsExactly("ISSUED", "NOTIFIED");
      assertThat(numbering.sequences().stream().mapToLong(q -> q.lastNumber()).sum())
          .as("no new number is taken")
          .isEqualTo(sequencesBefore);
    }
  }

  static final String SECOND_IMEI = "352099001761499";
  static final String SECOND_PALMTOP_PLATE = "AE123FG";

  @Inject it.ksanctions.devices.application.MobileDeviceGateway gateway;
  @Inject it.ksanctions.sanctions.application.MobilePreNotices mobile;

  /**
   * Issue 13 item 6, the device filter: a second palmtop of the command sends one pre-notice; the
   * search by device returns only that one for it, only the first palmtop's for the first, and
   * refuses a malformed code with its Italian reason.
   */
  @Test
  @Order(9)
  void theSearchFiltersByTheDeviceThatSentThePreNotice() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      currentStaff.signIn(ADMIN);
      devices.register(
          "PALM-C",
          DeviceData.mobile(
              SECOND_IMEI, "Zebra TC58", "3.2.0", OTHER_OFFICER, null, LocalDate.now(ITALY), null),
          null);
      String code = credentials.issueActivationCode("PALM-C");
      currentStaff.signIn(OTHER_OFFICER);
      String palmC = gateway.activate(SECOND_IMEI, code, "3.3.0").credential();
      String id = uuid();
      var report =
          mobile.upload(
              SECOND_IMEI,
              palmC,
              "3.3.0",
              List.of(
                  new it.ksanctions.sanctions.application.MobilePreNotices.UploadItem(
                      id,
                      minutesAgo(15),
                      "VIA-ROMA",
                      "142c8",
                      SECOND_PALMTOP_PLATE,
                      "IT",
                      "CAR",
                      null,
                      null,
                      List.of())),
              300);
      assertThat(report.items())
          .singleElement()
          .satisfies(r -> assertThat(r.outcome().name()).as("%s", r.reason()).isEqualTo("CREATED"));

      currentStaff.signIn(ADMIN);
      List<Summary> all = preNotices.search(Filter.all());
      assertThat(all).extracting(Summary::deviceCode).contains("PALM-A", "PALM-C");
      assertThat(
              preNotices.search(new Filter(null, null, " palm-c ", null, null, null, null, null)))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.id()).hasToString(id);
                assertThat(p.deviceCode()).isEqualTo("PALM-C");
                assertThat(p.plate()).isEqualTo(SECOND_PALMTOP_PLATE);
              });
      List<Summary> palmA =
          preNotices.search(new Filter(null, null, "PALM-A", null, null, null, null, null));
      assertThat(palmA)
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.deviceCode()).isEqualTo("PALM-A"))
          .noneSatisfy(p -> assertThat(p.id()).hasToString(id));
      assertThat(palmA.size()).as("the paper pre-notice has no device").isLessThan(all.size() - 1);
      // Combined with the other filters; an unknown device finds nothing.
      assertThat(
              preNotices.search(new Filter(null, null, "PALM-C", null, null, OFFICER, null, null)))
          .isEmpty();
      assertThat(preNotices.search(new Filter(null, null, "PALM-Z", null, null, null, null, null)))
          .isEmpty();
      refused(
          () -> preNotices.search(new Filter(null, null, "palm c!", null, null, null, null, null)),
          SanctionsRule.DEVICE_FILTER_INVALID);
    }
  }

  @Test
  @Order(10)
  @RunAsClient
  void theRestListFiltersByDevice() throws Exception {
    String path = "/t/" + ALFA + "/api/v1/pre-notices";
    List<Map<String, String>> palmC =
        objects(body(get(path + "?device=palm-c", token(MANAGER))), null);
    assertThat(palmC)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.get("deviceCode")).isEqualTo("PALM-C");
              assertThat(p.get("plate")).isEqualTo(SECOND_PALMTOP_PLATE);
            });
    assertThat(objects(body(get(path + "?device=PALM-A", token(MANAGER))), null))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.get("deviceCode")).isEqualTo("PALM-A"));
    HttpResponse<String> malformed = get(path + "?device=palm%20c%21", token(MANAGER));
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(malformed.body()).contains("device", "codice di dispositivo");
  }

  // ------------------------------------------------------------------ HTTP helpers

  static String activate(String slug, String officer) throws Exception {
    String code;
    try (Connection db = tenantDatabase(slug);
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select setting_value from "
                    + schema(slug)
                    + ".command_setting where setting_key = '"
                    + ACTIVATION_KEY
                    + "'")) {
      assertThat(rs.next()).isTrue();
      code = rs.getString(1);
    }
    HttpResponse<String> activated =
        send(
            "POST",
            "/t/" + slug + "/api/v1/mobile/activation",
            token(officer),
            null,
            "{\"deviceId\":"
                + quote(IMEI)
                + ",\"activationCode\":"
                + quote(code)
                + ",\"appVersion\":\"3.3.0\"}");
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
    return field(activated.body(), "credential");
  }

  static String token(String user) {
    return TestStack.tokens().passwordGrant(user, PASSWORD);
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  static String minutesAgo(int minutes) {
    return Instant.now()
        .minus(Duration.ofMinutes(minutes))
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  static String item(
      String id,
      String at,
      String place,
      String article,
      String plate,
      String country,
      List<String> photos) {
    return "{\"id\":"
        + quote(id)
        + ",\"violationAt\":"
        + quote(at)
        + ",\"placeCode\":"
        + quote(place)
        + ",\"articleCode\":"
        + quote(article)
        + ",\"plate\":"
        + quote(plate)
        + ",\"plateCountry\":"
        + quote(country)
        + ",\"vehicleType\":\"CAR\",\"notes\":\"Sosta in doppia fila\",\"photos\":["
        + photos.stream().map(PreNoticesIT::quote).collect(Collectors.joining(","))
        + "]}";
  }

  static String itemWithNumber(String id, String number, String plate) {
    String item = item(id, minutesAgo(3), "VIA-ROMA", "142c8", plate, "IT", List.of());
    return item.substring(0, item.length() - 1) + ",\"verbaleNumber\":" + quote(number) + "}";
  }

  static HttpResponse<String> upload(String officer, String deviceCredential, List<String> items)
      throws Exception {
    return send(
        "POST",
        "/t/" + ALFA + "/api/v1/mobile/pre-notices",
        token(officer),
        deviceCredential,
        "{\"items\":[" + String.join(",", items) + "]}");
  }

  static CompletableFuture<HttpResponse<String>> uploadAsync(
      String officer, String deviceCredential, List<String> items) {
    return HTTP.sendAsync(
        request(
            "POST",
            "/t/" + ALFA + "/api/v1/mobile/pre-notices",
            token(officer),
            deviceCredential,
            "{\"items\":[" + String.join(",", items) + "]}"),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, token, null, null);
  }

  static HttpResponse<String> send(
      String method, String path, String token, String deviceCredential, String json)
      throws Exception {
    return HTTP.send(
        request(method, path, token, deviceCredential, json), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest request(
      String method, String path, String token, String deviceCredential, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (deviceCredential != null) {
      request
          .header("X-Device-Id", IMEI)
          .header("X-Device-Credential", deviceCredential)
          .header("X-App-Version", "3.3.0");
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return request.build();
  }

  static String body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The per-item results of a batch answer, by pre-notice id. */
  static Map<String, Map<String, String>> outcomes(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, Map<String, String>> byId = new LinkedHashMap<>();
    for (Map<String, String> item : objects(answer.body(), "items")) {
      byId.put(item.get("id"), item);
    }
    return byId;
  }

  static void assertRefused(Map<String, String> result, String code, String reasonPart) {
    assertThat(result).as("no result").isNotNull();
    assertThat(result.get("outcome")).as(result.toString()).isEqualTo("REFUSED");
    assertThat(result.get("code")).isEqualTo(code);
    assertThat(result.get("reason")).contains(reasonPart);
  }

  private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
  private static final Pattern FIELD =
      Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,}\\]]+))");

  /**
   * The flat objects of the array {@code name} of a JSON document (the whole document when null),
   * each as its fields' texts: enough for the answers read here, which nest no object in them.
   */
  static List<Map<String, String>> objects(String json, String name) {
    String array = json;
    if (name != null) {
      int start = json.indexOf("\"" + name + "\":[");
      assertThat(start).as(name + " in " + json).isNotNegative();
      int from = json.indexOf('[', start);
      int depth = 0;
      int end = from;
      for (int i = from; i < json.length(); i++) {
        char c = json.charAt(i);
        if (c == '[') {
          depth++;
        } else if (c == ']' && --depth == 0) {
          end = i;
          break;
        }
      }
      array = json.substring(from, end + 1);
    }
    List<Map<String, String>> objects = new ArrayList<>();
    Matcher object = OBJECT.matcher(array);
    while (object.find()) {
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher field = FIELD.matcher(object.group());
      while (field.find()) {
        fields.put(
            field.group(1), field.group(2) != null ? field.group(2) : field.group(3).strip());
      }
      objects.add(fields);
    }
    return objects;
  }

  /** A top-level field of a JSON object (the first with that name). */
  static String field(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"([^\"]*)\"|([^,}\\]]+))").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2).strip();
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      count++;
    }
    return count;
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String schema(String slug) {
    return "t_" + slug.replace('-', '_');
  }

  /** A connection that acts as the tenant's own role (its schema's owner), as the server does. */
  static Connection tenantDatabase(String slug) throws Exception {
    Connection db = TestStack.database();
    try (Statement sql = db.createStatement()) {
      sql.execute("set role " + schema(slug));
    }
    return db;
  }
}
