package it.ksanctions.payments.application;

import it.ksanctions.articles.domain.PaymentWindowType;
import it.ksanctions.command.application.IntegrationCredentials;
import it.ksanctions.command.application.IntegrationCredentials.PagoPaAccess;
import it.ksanctions.payments.application.PaymentGateway.DebtPosition;
import it.ksanctions.payments.application.PaymentGateway.Option;
import it.ksanctions.payments.domain.Transfers;
import it.ksanctions.sanctions.application.DeliveryFailure;
import it.ksanctions.sanctions.application.VerbaleLifecycle;
import it.ksanctions.sanctions.application.VerbaleLifecycle.Act;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The act's debt position on pagoPA GPD (issue 15 item 6): published when the act is issued, its
 * due dates updated when the notification perfects, invalidated when the act is annulled — each as
 * an outbox message of the lifecycle, handled here with the command's own credentials. One payment
 * option per window that has a notice (reduced within 5 days, minimum within 60), with the sanction
 * split over the act's revenue chapters and the fees as their own transfer.
 */
@ApplicationScoped
public class DebtPositions {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject VerbaleLifecycle lifecycle;
  @Inject IntegrationCredentials credentials;
  @Inject PaymentGateway gateway;

  Clock clock = Clock.systemUTC();

  /** The IUPD of act {@code number}: unique per creditor, stable across retries. */
  public static String iupd(String number) {
    return "KS-" + number.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "-");
  }

  void publish(long verbaleId) throws DeliveryFailure {
    Act act = act(verbaleId);
    if (act.verbale().status() == it.ksanctions.sanctions.domain.VerbaleStatus.ANNULLED) {
      return; // annulled before its position went out: nothing to collect
    }
    if (underPlan(verbaleId)) {
      return; // an instalment plan's notices collect it (InstalmentPositions)
    }
    PagoPaAccess access = access();
    DebtPosition position = position(act, access);
    if (position.options().isEmpty()) {
      return; // an act without notices (none configured at issue) has nothing to publish
    }
    gateway.publish(access, position);
    Instant now = Instant.now(clock);
    em.createNativeQuery(
            "insert into debt_position (verbale_id, iupd, status, due_dates, published_at,"
                + " updated_at) values (?1, ?2, 'PUBLISHED', ?3, ?4, ?4)"
                + " on conflict (verbale_id) do nothing")
        .setParameter(1, verbaleId)
        .setParameter(2, position.iupd())
        .setParameter(3, dueDates(position))
        .setParameter(4, now)
        .executeUpdate();
  }

  void updateDueDates(long verbaleId) throws DeliveryFailure {
    Act act = act(verbaleId);
    if (!act.verbale().status().payable()) {
      return; // paid or annulled since: nothing to move
    }
    if (underPlan(verbaleId)) {
      return; // its own position was replaced by the instalments' (and invalidated)
    }
    PagoPaAccess access = access();
    DebtPosition position = position(act, access);
    if (position.options().isEmpty()) {
      return;
    }
    if (!published(verbaleId)) {
      throw DeliveryFailure.transientFailure(
          "La posizione debitoria non è ancora pubblicata: le scadenze saranno aggiornate dopo.",
          null);
    }
    gateway.update(access, position);
    em.createNativeQuery(
            "update debt_position set due_dates = ?2, updated_at = ?3 where verbale_id = ?1")
        .setParameter(1, verbaleId)
        .setParameter(2, dueDates(position))
        .setParameter(3, Instant.now(clock))
        .executeUpdate();
  }

  void invalidate(long verbaleId) throws DeliveryFailure {
    Act act = act(verbaleId);
    if (!published(verbaleId)) {
      return; // never published (or the publish is still queued: it will find the act annulled)
    }
    gateway.invalidate(access(), iupd(act.verbale().number()));
    em.createNativeQuery(
            "update debt_position set status = 'INVALID', updated_at = ?2 where verbale_id = ?1")
        .setParameter(1, verbaleId)
        .setParameter(2, Instant.now(clock))
        .executeUpdate();
  }

  /** Whether an approved instalment plan's notices collect act {@code verbaleId}. */
  private boolean underPlan(long verbaleId) {
    return !em.createNativeQuery("select 1 from instalment_notice where verbale_id = ?1 limit 1")
        .setParameter(1, verbaleId)
        .getResultList()
        .isEmpty();
  }

  private boolean published(long verbaleId) {
    return !em.createNativeQuery("select 1 from debt_position where verbale_id = ?1")
        .setParameter(1, verbaleId)
        .getResultList()
        .isEmpty();
  }

  /** The position of an act as pagoPA receives it. */
  DebtPosition position(Act act, PagoPaAccess access) {
    var v = act.verbale();
    List<Transfers.Share> shares =
        act.splits().stream()
            .map(s -> new Transfers.Share(s.chapterCode(), s.percentage()))
            .toList();
    List<Option> options = new ArrayList<>();
    for (WindowView w : v.windows()) {
      if (w.iuv() == null) {
        continue;
      }
      long sanction = w.sanction().movePointRight(2).longValueExact();
      long fees = w.fees().movePointRight(2).longValueExact();
      options.add(
          new Option(
              w.iuv(),
              sanction + fees,
              dueDate(act, w),
              (w.type() == PaymentWindowType.REDUCED_30
                  ? "Verbale n. " + v.number() + " - pagamento ridotto"
                  : "Verbale n. " + v.number() + " - pagamento minimo"),
              Transfers.of(sanction, fees, shares, v.number())));
    }
    return new DebtPosition(
        iupd(v.number()),
        act.company(),
        v.ownerTaxCode(),
        v.ownerName(),
        null,
        List.copyOf(options));
  }

  /**
   * The option's due date: its window's last day once the act is notified; before, provisional —
   * the art. 201 deadline plus the window's days (5 or 60).
   */
  private static LocalDate dueDate(Act act, WindowView w) {
    if (w.lastDay() != null) {
      return w.lastDay();
    }
    int days = w.type() == PaymentWindowType.REDUCED_30 ? 5 : 60;
    return act.verbale().notificationDeadline().plusDays(days);
  }

  private static String dueDates(DebtPosition position) {
    return String.join(
        ",", position.options().stream().map(o -> o.iuv() + "=" + o.dueDate()).toList());
  }

  private Act act(long verbaleId) throws DeliveryFailure {
    return lifecycle
        .act(verbaleId)
        .orElseThrow(() -> DeliveryFailure.permanent("Il verbale " + verbaleId + " non esiste."));
  }

  private PagoPaAccess access() throws DeliveryFailure {
    return PagoPaAccesses.of(credentials);
  }
}
