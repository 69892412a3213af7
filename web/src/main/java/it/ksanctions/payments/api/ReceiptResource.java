package it.ksanctions.payments.api;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.payments.application.PaymentGateway.Receipt;
import it.ksanctions.payments.application.Receipts;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code POST /t/<slug>/api/v1/pagopa/receipts}: the pagoPA node pushes the receipt of a payment
 * (and pushes the same receipt again, up to 48 times, until it gets a 2xx). Authenticated by the
 * command's receipt key in {@code X-Receipt-Key} (Comando › Integrazioni › pagoPA): a missing or
 * wrong key answers 401 and is logged. Body {@code {"receiptId", "noticeNumber", "iuv",
 * "creditorTaxCode", "amountCents", "paymentDateTime" (ISO 8601 with offset), "pspName", "payer":
 * {"fullName", "fiscalCode", "email"}}}. The receipt is applied once: every copy answers 200 with
 * the same {@code outcome} ({@code firstTime} true only for the copy that applied it). A receipt of
 * another creditor answers 400 and is logged.
 */
@Path("/v1/pagopa/receipts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReceiptResource {

  private static final Logger LOG = Logger.getLogger(ReceiptResource.class);

  /** The payer of a pushed receipt. */
  public record PayerJson(String fullName, String fiscalCode, String email) {}

  /** A pushed receipt. */
  public record ReceiptJson(
      String receiptId,
      String noticeNumber,
      String iuv,
      String creditorTaxCode,
      Long amountCents,
      String paymentDateTime,
      String pspName,
      PayerJson payer) {}

  /** The answer to a push. */
  public record ReceiptAnswer(
      String receiptId, String outcome, String outcomeLabel, boolean firstTime, String verbale) {}

  @Inject IntegrationCredentials credentials;
  @Inject Receipts receipts;

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response push(@HeaderParam("X-Receipt-Key") String key, ReceiptJson body) {
    if (!credentials.receiptKeyMatches(key)) {
      LOG.warnf(
          "Receipt push refused: %s receipt key", key == null || key.isEmpty() ? "no" : "a wrong");
      return Problem.builder(
              Status.UNAUTHORIZED, "Chiave delle ricevute mancante o non valida (X-Receipt-Key)")
          .header("WWW-Authenticate", "X-Receipt-Key")
          .build();
    }
    if (body == null) {
      throw new InvalidRequestException(
          List.of(new FieldError("receipt", "obbligatoria: la ricevuta in JSON")));
    }
    Receipts.Applied applied = receipts.apply(toReceipt(body), Receipts.Source.PUSH);
    return Response.ok(
            new ReceiptAnswer(
                applied.receiptId(),
                applied.outcome().name(),
                applied.outcome().italianLabel(),
                applied.firstTime(),
                applied.act()))
        .build();
  }

  private static Receipt toReceipt(ReceiptJson body) {
    Instant paidAt = null;
    if (body.paymentDateTime() != null) {
      try {
        paidAt = OffsetDateTime.parse(body.paymentDateTime()).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            List.of(
                new FieldError(
                    "paymentDateTime",
                    "data e ora ISO 8601 con fuso (es. 2026-12-02T10:15:30+01:00)")));
      }
    }
    if (body.amountCents() == null || body.amountCents() <= 0) {
      throw new InvalidRequestException(
          List.of(new FieldError("amountCents", "importo positivo in centesimi")));
    }
    PayerJson payer = body.payer();
    return new Receipt(
        body.receiptId(),
        body.iuv(),
        body.noticeNumber(),
        body.creditorTaxCode(),
        BigDecimal.valueOf(body.amountCents(), 2),
        paidAt,
        payer == null ? null : payer.fullName(),
        payer == null ? null : payer.fiscalCode(),
        payer == null ? null : payer.email(),
        body.pspName());
  }
}
