package it.ksanctions.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;

/**
 * The run command's development-only PDND key of the demo commands (made at the first run and kept
 * with the run's data, like the demo tenants), and the registration of the demo commands' receipt
 * endpoints with the pagoPA simulator.
 */
public final class DemoKeys {

  private DemoKeys() {}

  /** A new RSA key pair (tests: the test stack's demo key). */
  public static KeyPair generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The key pair in {@code file} (PKCS#8 PEM), made there first if absent. */
  public static KeyPair load(Path file) throws IOException, GeneralSecurityException {
    if (!Files.exists(file)) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Files.createDirectories(file.getParent());
      Files.writeString(file, privatePem(pair), StandardCharsets.US_ASCII);
      return pair;
    }
    String body =
        Files.readString(file, StandardCharsets.US_ASCII)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    return new KeyPair(
        rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
  }

  public static String privatePem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /** Tells the pagoPA simulator where to push the receipts of {@code creditor}. */
  public static void registerReceiptEndpoint(
      String simulators, String creditor, String url, String key)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            simulators
                                + "/__control/gpd/organizations/"
                                + creditor
                                + "/receipt-endpoint"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"url\":\"" + url + "\",\"key\":\"" + key + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IOException(
          "The pagoPA simulator refused the receipt endpoint: HTTP " + response.statusCode());
    }
  }
}
