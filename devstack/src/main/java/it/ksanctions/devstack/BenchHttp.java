package it.ksanctions.devstack;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks (and the import crash test) send and read over HTTP: a camera file upload,
 * answers checked.
 */
public final class BenchHttp {

  private BenchHttp() {}

  /** The multipart upload of a camera file of device {@code AV-01} by a benchmark operator. */
  public static HttpRequest cameraUpload(String url, String token, String fileName, byte[] file) {
    String boundary = "----bench" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "device", null, "AV-01".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "operator", null, "Benchmark".getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "file", fileName, file);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content) {
    String header =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
            + "\r\n"
            + (fileName == null ? "" : "Content-Type: text/csv\r\n")
            + "\r\n";
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /** The first group of {@code pattern} in {@code body}. */
  static String match(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("Unexpected answer: " + body);
    }
    return m.group(1);
  }

  static void require(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().uri() + " gave " + response.statusCode() + " " + response.body());
    }
  }
}
