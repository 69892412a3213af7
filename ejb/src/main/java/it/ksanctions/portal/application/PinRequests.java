package it.ksanctions.portal.application;

import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.NumericTaxCode;
import it.ksanctions.shared.RuleViolation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A new PIN asked online (issue 16 item 1): the citizen gives codice fiscale, the act's number and
 * how to receive it (post to the address on the act, or a PEC); the answer is the same whether or
 * not the pair matches an act, so nobody learns whose acts exist; requests from one address are
 * throttled. The office generates the new PIN (the old one stops working) and sends it.
 */
@ApplicationScoped
public class PinRequests {

  static final int ADDRESS_MAX = 10;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

  /** What the citizen reads after asking, whatever the outcome. */
  public static final String ANSWER =
      "Richiesta registrata. Se i dati corrispondono a un verbale, il comando invierà un nuovo PIN"
          + " con il mezzo scelto; il PIN precedente non sarà più valido.";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CitizenActs acts;
  @Inject PortalThrottle throttle;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** An open request, as the office lists it. */
  public record PinRequestView(
      long id,
      long verbaleId,
      String verbaleNumber,
      String ownerName,
      String ownerAddress,
      Instant requestedAt,
      String channel,
      String pec) {
    public String channelLabel() {
      return "PEC".equals(channel) ? "PEC a " + pec : "Posta all'indirizzo del verbale";
    }
  }

  /**
   * Records the citizen's request.
   *
   * @return {@link #ANSWER}
   */
  @Transactional
  public String ask(
      String taxCode, String number, boolean byPec, String pec, String clientAddress) {
    String cf = PortalAccess.normalise(taxCode);
    if (!CodiceFiscale.isValid(cf) && !NumericTaxCode.isValid(cf)) {
      throw new PortalRuleException(
          "portal.pin.tax-code-invalid",
          "Il codice fiscale non è valido: controllare le 16 lettere e cifre (11 cifre per"
              + " un'impresa).",
          Kind.INVALID_INPUT);
    }
    if (number == null || number.isBlank() || number.length() > 40) {
      throw new PortalRuleException(
          "portal.pin.number-required",
          "Indicare il numero del verbale, come stampato in alto sul verbale.",
          Kind.INVALID_INPUT);
    }
    String address = byPec ? (pec == null ? "" : pec.strip()) : null;
    if (byPec
        && (address.isEmpty() || address.length() > 254 || !EMAIL.matcher(address).matches())) {
      throw new PortalRuleException(
          "portal.pin.pec-invalid",
          "Indicare un indirizzo PEC valido, o scegliere l'invio per posta.",
          Kind.INVALID_INPUT);
    }
    Instant now = clock.instant();
    String key = "pin:" + (clientAddress == null ? "?" : clientAddress);
    Optional<Instant> locked = throttle.lockedUntil(key, now);
    if (locked.isPresent() || throttle.fail(key, ADDRESS_MAX, now) > ADDRESS_MAX) {
      throw new PortalRuleException(
          "portal.pin.too-many",
          "Troppe richieste da questo indirizzo: riprovare più tardi o rivolgersi al comando.");
    }
    Optional<Long> act = acts.idOf(number, cf);
    if (act.isPresent()) {
      em.createNativeQuery(
              "insert into portal_pin_request (verbale_id, requested_at, channel, pec,"
                  + " client_address) select ?1, ?2, ?3, ?4, ?5 where not exists (select 1 from"
                  + " portal_pin_request where verbale_id = ?1 and handled_at is null)")
          .setParameter(1, act.get())
          .setParameter(2, now)
          .setParameter(3, byPec ? "PEC" : "POST")
          .setParameter(4, address)
          .setParameter(5, clientAddress)
          .executeUpdate();
    }
    return ANSWER;
  }

  /** The requests not handled yet, oldest first. */
  @Transactional
  public List<PinRequestView> open() {
    currentStaff.require(AppModule.APPEALS, AppAction.ACCESS);
    List<PinRequestView> views = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select p.id, p.verbale_id, v.number, v.owner_name, v.owner_address,"
                    + " p.requested_at, p.channel, p.pec from portal_pin_request p"
                    + " join verbale v on v.id = p.verbale_id where p.handled_at is null"
                    + " order by p.requested_at limit 200")
            .getResultList()) {
      Object[] r = (Object[]) o;
      views.add(
          new PinRequestView(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              Outbox.instant(r[5]),
              (String) r[6],
              (String) r[7]));
    }
    return views;
  }

  /** Generates the new PIN of request {@code id} and marks it handled; the PIN is shown once. */
  @Transactional
  public String reissue(long id) {
    String who = currentStaff.require(AppModule.APPEALS, AppAction.EDIT).username();
    List<?> rows =
        em.createNativeQuery(
                "select verbale_id from portal_pin_request where id = ?1 and handled_at is null"
                    + " for update")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw new PortalRuleException(
          "portal.pin.handled", "La richiesta è già stata evasa o non esiste più.", Kind.CONFLICT);
    }
    String pin = acts.reissuePin(((Number) rows.get(0)).longValue(), who);
    em.createNativeQuery(
            "update portal_pin_request set handled_at = ?2, handled_by = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, clock.instant())
        .setParameter(3, who)
        .executeUpdate();
    return pin;
  }
}
