package it.ksanctions.payments.application;

import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.payments.application.PaymentGateway.Receipt;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The receipts API path (issue 15 item 6): reads the receipts of the command's payments since the
 * last read (less an overlap of an hour, as receipts may be recorded late) and applies each once
 * through {@link Receipts} — a receipt the node also pushed is not applied twice.
 */
@ApplicationScoped
public class ReceiptPolling {

  static final Duration OVERLAP = Duration.ofHours(1);
  static final Duration FIRST_LOOK_BACK = Duration.ofDays(30);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject IntegrationCredentials credentials;
  @Inject PaymentGateway gateway;
  @Inject Receipts receipts;

  Clock clock = Clock.systemUTC();

  /** What a read found: receipts read and how many were new. */
  public record Poll(int read, int applied) {}

  /** Reads and applies the receipts of the tenant in scope. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Poll poll() throws DeliveryFailure {
    Optional<PagoPaAccess> access = self().access();
    if (access.isEmpty()) {
      return new Poll(0, 0);
    }
    Instant now = Instant.now(clock);
    Instant from = self().lastRead().map(t -> t.minus(OVERLAP)).orElse(now.minus(FIRST_LOOK_BACK));
    List<Receipt> read = gateway.receiptsSince(access.get(), from);
    int applied = 0;
    for (Receipt receipt : read) {
      try {
        if (receipts.apply(receipt, Receipts.Source.POLL).firstTime()) {
          applied++;
        }
      } catch (it.ksanctions.shared.InvalidRequestException e) {
        // another creditor's or malformed: refused and logged by Receipts
      }
    }
    self().read(now);
    return new Poll(read.size(), applied);
  }

  @Transactional
  public Optional<PagoPaAccess> access() {
    var creditor = credentials.pagoPaCreditor();
    if (creditor.isEmpty()) {
      return Optional.empty();
    }
    return credentials.pagoPaForUse();
  }

  @Transactional
  public Optional<Instant> lastRead() {
    List<?> rows =
        em.createNativeQuery("select last_paid_at from receipt_poll where id = 1").getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(Outbox.instant(rows.get(0)));
  }

  @Transactional
  public void read(Instant at) {
    em.createNativeQuery(
            "insert into receipt_poll (id, last_paid_at) values (1, ?1)"
                + " on conflict (id) do update set last_paid_at = excluded.last_paid_at")
        .setParameter(1, at)
        .executeUpdate();
  }

  private static ReceiptPolling self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(ReceiptPolling.class).get();
  }
}
