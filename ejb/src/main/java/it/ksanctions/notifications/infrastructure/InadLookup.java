package it.ksanctions.notifications.infrastructure;

import it.ksanctions.command.application.IntegrationCredentials.SendAccess;
import it.ksanctions.notifications.application.DigitalDomicileLookup;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.OutboundCalls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
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

  @Inject OutboundCalls calls;

  @Override
  public Optional<String> pecOf(SendAccess access, String codiceFiscale) throws DeliveryFailure {
    Optional<JsonObject> found =
        get(
            access,
            "INAD",
            baseUrl,
            (api, authorization) -> api.extract(codiceFiscale, "verbale", authorization));
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
    Optional<JsonObject> found =
        get(
            access,
            "INI-PEC",
            iniPecUrl,
            (api, authorization) -> api.lookup(taxCode, authorization));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String pec = found.get().getString("pec", null);
    return pec == null || pec.isBlank() ? Optional.empty() : Optional.of(pec.strip());
  }

  /**
   * A GET with the PDND voucher through {@link OutboundCalls} (time limit, retries of unreachable
   * or 502–504 answers): the JSON body, or empty on 404.
   */
  private Optional<JsonObject> get(
      SendAccess access,
      String service,
      String baseUri,
      BiFunction<DomicileApi, String, Response> request)
      throws DeliveryFailure {
    String authorization = "Bearer " + vouchers.voucher(access);
    DomicileApi api = OutboundCalls.client(DomicileApi.class, URI.create(baseUri), 15);
    try (Response r = calls.call(() -> request.apply(api, authorization))) {
      if (r.getStatus() == 404) {
        return Optional.empty();
      }
      if (r.getStatus() != 200) {
        throw DeliveryFailure.transientFailure(
            service + " risponde con un errore (HTTP " + r.getStatus() + ").", null);
      }
      return Optional.of(
          Json.createReader(new StringReader(r.readEntity(String.class))).readObject());
    } catch (jakarta.json.JsonException e) {
      throw DeliveryFailure.transientFailure(
          service + " ha dato una risposta non leggibile: nuovo tentativo più tardi.", e);
    } catch (RuntimeException e) {
      throw OutboundCalls.failureOf(service, e);
    } finally {
      api.close();
    }
  }
}
