package it.ksanctions.payments.infrastructure;

import it.ksanctions.payments.application.CheckoutGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link CheckoutGateway} on pagoPA Checkout's API for creditor institutions ({@code POST
 * <ksanctions.checkout.url>/carts}): the cart's notice with amount in cents, the return URLs and
 * the payer's e-mail; Checkout answers 302 with the page to send the citizen to. Redirects are not
 * followed: the Location is the answer.
 */
@ApplicationScoped
public class CheckoutCarts implements CheckoutGateway {

  @Inject
  @ConfigProperty(
      name = "ksanctions.checkout.url",
      defaultValue = "https://api.platform.pagopa.it/checkout/ec/v1")
  String baseUrl;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Override
  public URI openCart(Notice notice, ReturnUrls returnUrls, String emailNotice)
      throws CheckoutUnavailable {
    var cart =
        Json.createObjectBuilder()
            .add(
                "paymentNotices",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("noticeNumber", notice.noticeNumber())
                            .add("fiscalCode", notice.creditorTaxCode())
                            .add("amount", notice.amountCents())
                            .add("companyName", clip(notice.companyName(), 140))
                            .add("description", clip(notice.description(), 140))))
            .add(
                "returnUrls",
                Json.createObjectBuilder()
                    .add("returnOkUrl", returnUrls.ok().toString())
                    .add("returnCancelUrl", returnUrls.cancel().toString())
                    .add("returnErrorUrl", returnUrls.error().toString()));
    if (emailNotice != null && !emailNotice.isBlank()) {
      cart.add("emailNotice", emailNotice);
    }
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/carts"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(cart.build().toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 302 || r.statusCode() == 303) {
        String location = r.headers().firstValue("Location").orElse(null);
        if (location != null && location.matches("https?://.+")) {
          return URI.create(location);
        }
      }
      throw new CheckoutUnavailable(
          "Il servizio pagoPA non ha accettato il pagamento (HTTP "
              + r.statusCode()
              + "): riprovare più tardi o pagare con il codice avviso in banca, alle poste o"
              + " presso un punto abilitato.",
          null);
    } catch (IOException e) {
      throw new CheckoutUnavailable(
          "Il servizio pagoPA non è raggiungibile in questo momento: riprovare tra qualche minuto.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckoutUnavailable("Richiesta a pagoPA interrotta: riprovare.", e);
    }
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }
}
