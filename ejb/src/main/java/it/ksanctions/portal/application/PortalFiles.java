package it.ksanctions.portal.application;

import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.payments.application.CheckoutGateway;
import it.ksanctions.payments.application.CheckoutGateway.CheckoutUnavailable;
import it.ksanctions.payments.application.Payments;
import it.ksanctions.payments.application.Payments.ReceiptView;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The act's file as its citizen reads it (issue 16 items 2–3, SPEC POR-2/POR-3): violation, amounts
 * today per payment window with the days left, fees, timeline, notifications with their legal
 * facts, receipts, photos; and the payment through pagoPA Checkout. Every method takes the
 * citizen's {@link Grant} and refuses, as "not found", an act the grant does not name.
 */
@ApplicationScoped
public class PortalFiles {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  /** The receipt's e-mail address a citizen may give when paying (also for pre-notices). */
  static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  /** What a citizen may see: the acts opened with CF + PIN, or all of a verified identity's. */
  public record Grant(String taxCode, Set<Long> acts, String how) {
    public boolean mayRead(long verbaleId) {
      return acts.contains(verbaleId);
    }
  }

  /** A payment window on a day: still open, and the days left (null before notification). */
  public record WindowToday(WindowView window, boolean open, Long daysLeft) {
    public String label() {
      return window.label();
    }
  }

  /** The act's file. */
  public record FileView(
      VerbaleView act,
      List<WindowToday> windows,
      WindowToday payable,
      int photos,
      List<NotificationView> notifications,
      List<ReceiptView> receipts,
      boolean underPlan) {
    public boolean paid() {
      return act.status() == VerbaleStatus.PAID;
    }

    /** Every photo's index, for the page's gallery. */
    public List<Integer> photoIndexes() {
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < photos; i++) {
        indexes.add(i);
      }
      return indexes;
    }
  }

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CitizenActs acts;
  @Inject Notifications notifications;
  @Inject Payments payments;
  @Inject CheckoutGateway checkout;
  @Inject CurrentTenant tenant;

  Clock clock = Clock.systemUTC();

  /** The act's file for {@code grant}. */
  @Transactional
  public FileView file(Grant grant, long verbaleId) {
    VerbaleView act = require(grant, verbaleId);
    LocalDate today = LocalDate.now(clock.withZone(ITALY));
    // an approved instalment plan's notices replace the act's own (its position is invalidated)
    boolean underPlan =
        !em.createNativeQuery(
                "select 1 from instalment_plan where verbale_id = ?1 and status = 'APPROVED'")
            .setParameter(1, verbaleId)
            .getResultList()
            .isEmpty();
    List<WindowToday> windows = new ArrayList<>();
    WindowToday payable = null;
    for (WindowView w : act.windows()) {
      boolean open = w.lastDay() == null || !today.isAfter(w.lastDay());
      Long left = w.lastDay() == null ? null : ChronoUnit.DAYS.between(today, w.lastDay());
      WindowToday day = new WindowToday(w, open, left);
      windows.add(day);
      if (payable == null
          && !underPlan
          && open
          && w.noticeCode() != null
          && payableStatus(act.status())) {
        payable = day;
      }
    }
    if (payable == null && !underPlan && payableStatus(act.status()) && !windows.isEmpty()) {
      // every window's last day is past: the last one stays payable until enforcement
      WindowToday last = windows.get(windows.size() - 1);
      if (last.window().noticeCode() != null) {
        payable = last;
      }
    }
    return new FileView(
        act,
        windows,
        payable,
        acts.photoCount(act),
        notifications.ofVerbaleForCitizen(verbaleId),
        payments.ofVerbaleForCitizen(verbaleId),
        underPlan);
  }

  /** The act's PDF as issued. */
  @Transactional
  public byte[] pdf(Grant grant, long verbaleId) {
    require(grant, verbaleId);
    return acts.pdf(verbaleId).orElseThrow(PortalFiles::notFound);
  }

  /** A photo of the act. */
  @Transactional
  public CitizenActs.ActPhoto photo(Grant grant, long verbaleId, int index) {
    require(grant, verbaleId);
    return acts.photo(verbaleId, index).orElseThrow(PortalFiles::notFound);
  }

  /** A legal fact of one of the act's notifications: file name and content. */
  @Transactional
  public Object[] legalFact(Grant grant, long verbaleId, long legalFactId) {
    require(grant, verbaleId);
    return notifications
        .legalFactForCitizen(verbaleId, legalFactId)
        .orElseThrow(PortalFiles::notFound);
  }

  /**
   * Opens a pagoPA Checkout cart for the window payable today and answers the page to send the
   * citizen to; the act's state changes only when pagoPA's receipt arrives.
   */
  @Transactional
  public URI pay(Grant grant, long verbaleId, URI back, String email) {
    FileView file = file(grant, verbaleId);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new PortalRuleException(
          "portal.pay.email",
          "L'indirizzo e-mail per la ricevuta non è valido: correggerlo o lasciarlo vuoto.",
          Kind.INVALID_INPUT);
    }
    if (file.paid()) {
      throw new PortalRuleException(
          "portal.pay.already-paid", "Il verbale risulta già pagato: non c'è altro da pagare.");
    }
    if (file.underPlan()) {
      throw new PortalRuleException(
          "portal.pay.instalments",
          "Il verbale si paga con gli avvisi pagoPA del piano di rateizzazione approvato (rate o,"
              + " dopo la decadenza, importo residuo): li trova nella sezione «Rateizzazione».");
    }
    if (file.payable() == null) {
      throw new PortalRuleException(
          "portal.pay.unavailable",
          "Il pagamento online non è disponibile per questo verbale: rivolgersi al comando.");
    }
    WindowView w = file.payable().window();
    String separator = back.toString().contains("?") ? "&" : "?";
    CheckoutGateway.ReturnUrls urls =
        new CheckoutGateway.ReturnUrls(
            URI.create(back + separator + "esito=ok"),
            URI.create(back + separator + "esito=annullato"),
            URI.create(back + separator + "esito=errore"));
    URI page;
    try {
      page =
          checkout.openCart(
              new CheckoutGateway.Notice(
                  w.noticeCode(),
                  w.creditorTaxCode(),
                  w.amountCents(),
                  tenant.require().displayName(),
                  "Verbale n. " + file.act().number() + " - " + w.label()),
              urls,
              email);
    } catch (CheckoutUnavailable e) {
      throw new PortalRuleException("portal.pay.checkout", e.getMessage());
    }
    em.createNativeQuery(
            "insert into portal_payment (verbale_id, iuv, amount_cents, started_at, checkout_url)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, verbaleId)
        .setParameter(2, w.iuv())
        .setParameter(3, w.amountCents())
        .setParameter(4, clock.instant())
        .setParameter(5, page.toString())
        .executeUpdate();
    return page;
  }

  private VerbaleView require(Grant grant, long verbaleId) {
    if (grant == null || !grant.mayRead(verbaleId)) {
      throw notFound();
    }
    Optional<VerbaleView> act = acts.act(verbaleId);
    return act.orElseThrow(PortalFiles::notFound);
  }

  private static boolean payableStatus(VerbaleStatus status) {
    return status == VerbaleStatus.ISSUED
        || status == VerbaleStatus.SENT
        || status == VerbaleStatus.NOTIFIED
        || status == VerbaleStatus.UNPAID;
  }

  private static PortalRuleException notFound() {
    return new PortalRuleException(
        "portal.act.not-found",
        "Verbale non disponibile: accedere con il codice fiscale e il PIN stampato sul verbale.",
        Kind.NOT_FOUND);
  }
}
