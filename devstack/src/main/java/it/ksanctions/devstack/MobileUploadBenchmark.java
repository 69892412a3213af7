package it.ksanctions.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Uploads batches of N pre-notices (default 1,000, the largest batch the API takes) from the demo
 * palmtop, as the mobile app does after a shift offline ({@code POST
 * /t/<slug>/api/v1/mobile/pre-notices}), on a fresh stack, and prints the time per batch: a new
 * batch without photos, the same batch sent again (every item already received), and a new batch
 * with one photo of {@value #PHOTO_BYTES} bytes per pre-notice. Each item is checked and stored in
 * its own transaction. Figures go to docs/benchmarks.md (issue 13). Not a test: it prints.
 */
public final class MobileUploadBenchmark {

  private static final String SLUG = "bench-mob";
  private static final String PASSWORD = "Benchmark-2026!";
  private static final int PHOTO_BYTES = 60_000;
  private static final Pattern ACTIVATION = Pattern.compile("codice di attivazione (\\S+),");
  private static final Pattern CREDENTIAL = Pattern.compile("\"credential\":\"([^\"]+)\"");
  private static final Pattern CREATED = Pattern.compile("\"created\":(\\d+)");
  private static final Pattern ALREADY = Pattern.compile("\"alreadyReceived\":(\\d+)");
  private static final Pattern REFUSED = Pattern.compile("\"refused\":(\\d+)");
  private static final String IMEI = "356938035643809";

  private MobileUploadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("bench.mobile.items", 1_000);
    LocalStack.Layout layout = LocalStack.Layout.fromSystemProperties();
    Postgres postgres =
        LocalStack.freshEmbeddedPostgres(layout, "ksanctions_bench_mob", DevRun::say);
    try (LocalStack stack =
        LocalStack.start(
            layout,
            postgres,
            300,
            "ksanctions-bench",
            true,
            true,
            Map.of("KSANCTIONS_DEMO_DATA_ENABLED", "true"),
            DevRun::say)) {
      PlatformClient platform = stack.platformClient();
      BenchHttp.require(
          platform.onboard(SLUG, "Comune di prova", "COMUNE", "00097020598", null, List.of()), 201);
      stack.keycloak().setPassword("admin." + SLUG, PASSWORD);
      // The demo content: places, the catalogue, and the palmtop PALM-01 with an activation code.
      HttpResponse<String> demo =
          platform.post("/api/platform/tenants/" + SLUG + "/demo-data?palmtop=true", "");
      BenchHttp.require(demo, 200);
      String activation = BenchHttp.match(ACTIVATION, demo.body());
      String token = stack.tokens().passwordGrant("admin." + SLUG, PASSWORD);
      String base = stack.server().baseUrl() + "/t/" + SLUG + "/api/v1/mobile";
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      HttpResponse<String> activated =
          send(
              http,
              base + "/activation",
              token,
              null,
              "{\"deviceId\":\""
                  + IMEI
                  + "\",\"activationCode\":\""
                  + activation
                  + "\",\"appVersion\":\"1.0.0\"}");
      BenchHttp.require(activated, 201);
      String credential = BenchHttp.match(CREDENTIAL, activated.body());

      // warm-up (not counted): a batch of 50, so that the first measured batch is not the first
      // call of the JIT, the pools and the caches
      upload(http, base, token, credential, batch(50, 0));

      String plain = batch(n, 0);
      String withPhotos = batch(n, PHOTO_BYTES);
      Object[][] runs = {
        {"new batch, no photos", plain},
        {"the same batch again (all already received)", plain},
        {"new batch, one photo of " + PHOTO_BYTES / 1000 + " kB each", withPhotos}
      };
      System.out.println();
      System.out.println("| batch | items | body | time | items/s | created / already / refused |");
      System.out.println("|---|---|---|---|---|---|");
      for (Object[] run : runs) {
        String body = (String) run[1];
        long start = System.nanoTime();
        HttpResponse<String> answer = upload(http, base, token, credential, body);
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchHttp.require(answer, 200);
        System.out.printf(
            "| %s | %,d | %.1f MB | %.2f s | %.0f | %s / %s / %s |%n",
            run[0],
            n,
            body.length() / 1e6,
            seconds,
            n / seconds,
            BenchHttp.match(CREATED, answer.body()),
            BenchHttp.match(ALREADY, answer.body()),
            BenchHttp.match(REFUSED, answer.body()));
      }
      System.out.println();
    }
  }

  private static HttpResponse<String> upload(
      HttpClient http, String base, String token, String credential, String body) throws Exception {
    return send(http, base + "/pre-notices", token, credential, body);
  }

  private static HttpResponse<String> send(
      HttpClient http, String url, String token, String credential, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("X-Device-Id", IMEI)
            .header("X-App-Version", "1.0.0")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (credential != null) {
      request.header("X-Device-Credential", credential);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A batch of {@code n} pre-notices of the last hours on the demo place, each with a plate of its
   * own, and a JPEG-looking photo of {@code photoBytes} bytes when asked.
   */
  static String batch(int n, int photoBytes) {
    String photo = null;
    if (photoBytes > 0) {
      byte[] jpeg = new byte[photoBytes];
      new java.util.Random(7).nextBytes(jpeg);
      jpeg[0] = (byte) 0xFF;
      jpeg[1] = (byte) 0xD8;
      jpeg[2] = (byte) 0xFF;
      jpeg[3] = (byte) 0xE0;
      photo = Base64.getEncoder().encodeToString(jpeg);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder json = new StringBuilder(n * (photo == null ? 260 : photo.length() + 280));
    json.append("{\"items\":[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(UUID.randomUUID())
          .append("\",\"violationAt\":\"")
          .append(
              java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                  now.minusMinutes(5 + i % 600)))
          .append("\",\"placeCode\":\"VIA-ROMA\",\"articleCode\":\"7c15\",\"plate\":\"")
          .append(plate(i))
          .append("\",\"vehicleType\":\"CAR\",\"notes\":\"Sosta oltre il disco orario\"")
          .append(photo == null ? "" : ",\"photos\":[\"" + photo + "\"]")
          .append("}");
    }
    return json.append("]}").toString();
  }

  /** An Italian plate per index: two letters, three digits, two letters (no I, O, Q, U). */
  static String plate(int i) {
    String letters = "ABCDEFGHJKLMNPRSTVWXYZ";
    int l = letters.length();
    return ""
        + letters.charAt(i / (1000 * l) % l)
        + letters.charAt(i / 1000 % l)
        + String.format("%03d", i % 1000)
        + letters.charAt(i / 7 % l)
        + letters.charAt(i % l);
  }
}
