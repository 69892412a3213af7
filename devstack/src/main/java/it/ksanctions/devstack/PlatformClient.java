package it.ksanctions.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A small client of the platform API ({@code /api/platform/tenants}), keyed by the platform key. */
public final class PlatformClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final String apiKey;

  public PlatformClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** POSTs an onboarding request; returns status and body. */
  public HttpResponse<String> onboard(
      String slug, String displayName, String kind, String taxCode, String patronSaintDay, List<String> hostnames)
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

  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("X-Platform-Key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("X-Platform-Key", apiKey)
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
