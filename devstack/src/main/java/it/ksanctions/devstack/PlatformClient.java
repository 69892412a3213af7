package it.ksanctions.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A small client of the REST APIs with a bearer token ({@code /api/platform/tenants} and tenant
 * APIs).
 */
public final class PlatformClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final String bearerToken;

  /**
   * @param bearerToken an access token with the realm role platform-admin (or any token, or null,
   *     to test refusals)
   */
  public PlatformClient(String baseUrl, String bearerToken) {
    this.baseUrl = baseUrl;
    this.bearerToken = bearerToken;
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder request) {
    return bearerToken == null || bearerToken.isEmpty()
        ? request
        : request.header("Authorization", "Bearer " + bearerToken);
  }

  /** POSTs an onboarding request; returns status and body. */
  public HttpResponse<String> onboard(
      String slug,
      String displayName,
      String kind,
      String taxCode,
      String patronSaintDay,
      List<String> hostnames)
      throws IOException, InterruptedException {
    String json =
        "{\"slug\":"
            + quote(slug)
            + ",\"displayName\":"
            + quote(displayName)
            + ",\"kind\":"
            + quote(kind)
            + ",\"taxCode\":"
            + quote(taxCode)
            + ",\"patronSaintDay\":"
            + quote(patronSaintDay)
            + ",\"hostnames\":["
            + hostnames.stream().map(PlatformClient::quote).collect(Collectors.joining(","))
            + "]}";
    return post("/api/platform/tenants", json);
  }

  public HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    HttpRequest request =
        authorised(HttpRequest.newBuilder(URI.create(baseUrl + path)))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        authorised(HttpRequest.newBuilder(URI.create(baseUrl + path)))
            .timeout(Duration.ofSeconds(60))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
