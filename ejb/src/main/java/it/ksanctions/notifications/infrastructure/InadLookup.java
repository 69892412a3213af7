package it.ksanctions.notifications.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.application.DigitalDomicileLookup;
import it.ksanctions.sanctions.application.DeliveryFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
 * {@link DigitalDomicileLookup} on two e-services reached through PDND with the command's voucher:
 * INAD ({@code ksanctions.inad.url}, {@code GET /extract/{codiceFiscale}}) for persons and INI-PEC
 * ({@code ksanctions.inipec.url}, {@code GET /{identifier}}) for companies and professionals. A 404
 * means no address; any other error is transient (the outbox tries again).
 */
@ApplicationScoped
public class InadLookup implements DigitalDomicileLookup {

  @Inject
  @ConfigProperty(
      name = "ksanctions.inad.url",
      defaultValue = "https://api.inad.gov.it/rest/inad/v1/domiciliodigitale")
  String baseUrl;

  @Inject
  @ConfigProperty(
      name = "ksanctions.inipec.url",
      defaultValue = "https://www.inipec.gov.it/lookuppec/rest/v1.0.0")
  String iniPecUrl;

  @Inject PdndVouchers vouchers;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Optional<String> pecOf(SendAccess access, String codiceFiscale) throws DeliveryFailure {
    Optional<JsonObject> found =
        get(
            access,
            "INAD",
            baseUrl + "/extract/" + encode(codiceFiscale) + "?practicalReference=verbale");
    if (found.isEmpty()) {
      return Optional.empty();
    }
    JsonArray addresses = found.get().getJsonArray("digitalAddress");
    if (addresses == null || addresses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(addresses.getJsonObject(0).getString("digitalAddress", null));
  }

  @Override
  public Optional<String> companyPecOf(SendAccess access, String taxCode) throws DeliveryFailure {
    Optional<JsonObject> found = get(access, "INI-PEC", iniPecUrl + "/" + encode(taxCode));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String pec = found.get().getString("pec", null);
    return pec == null || pec.isBlank() ? Optional.empty() : Optional.of(pec.strip());
  }

  /** A GET with the PDND voucher: the JSON body, or empty on 404. */
  private Optional<JsonObject> get(SendAccess access, String service, String uri)
      throws DeliveryFailure {
    String voucher = vouchers.voucher(access);
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(uri))
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
            service + " risponde con un errore (HTTP " + r.statusCode() + ").", null);
      }
      return Optional.of(Json.createReader(new StringReader(r.body())).readObject());
    } catch (IOException | jakarta.json.JsonException e) {
      throw DeliveryFailure.transientFailure(
          service + " non raggiungibile o risposta non leggibile: nuovo tentativo più tardi.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("Consultazione di " + service + " interrotta.", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
