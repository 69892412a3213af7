package it.ksanctions.notifications.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.application.DigitalDomicileLookup;
import it.ksanctions.sanctions.application.DeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link DigitalDomicileLookup} on INAD's e-service through PDND ({@code ksanctions.inad.url}): the
 * digital domicile elected by a codice fiscale, if any (404: none).
 */
@ApplicationScoped
public class InadLookup implements DigitalDomicileLookup {

  @Inject
  @ConfigProperty(
      name = "ksanctions.inad.url",
      defaultValue = "https://api.inad.gov.it/rest/inad/v1/domiciliodigitale")
  String baseUrl;

  @Inject PdndVouchers vouchers;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Optional<String> pecOf(SendAccess access, String codiceFiscale) throws DeliveryFailure {
    String voucher = vouchers.voucher(access);
    URI uri =
        URI.create(
            baseUrl
                + "/extract/"
                + URLEncoder.encode(codiceFiscale, StandardCharsets.UTF_8)
                + "?practicalReference=verbale");
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(15))
                  .header("Authorization", "Bearer " + voucher)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        throw DeliveryFailure.transientFailure(
            "INAD risponde con un errore (HTTP " + r.statusCode() + ").", null);
      }
      JsonArray addresses =
          Json.createReader(new StringReader(r.body())).readObject().getJsonArray("digitalAddress");
      if (addresses == null || addresses.isEmpty()) {
        return Optional.empty();
      }
      return Optional.ofNullable(addresses.getJsonObject(0).getString("digitalAddress", null));
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure(
          "INAD non raggiungibile: nuovo tentativo più tardi.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("Consultazione di INAD interrotta.", e);
    }
  }
}
