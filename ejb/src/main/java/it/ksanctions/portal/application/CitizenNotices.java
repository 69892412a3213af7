package it.ksanctions.portal.application;

import it.ksanctions.command.application.CommandMail;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.portal.domain.PortalRuleException;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.application.Verbali.WindowView;
import it.ksanctions.shared.RuleViolation.Kind;
import it.ksanctions.tenancy.web.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Notices to registered citizens (issue 16 item 10, seed 004 Art. 12): a citizen signed in with
 * SPID/CIE registers the plates the command's owner data give as theirs, with an e-mail and the
 * channel they prefer for the legal notification (PEC or ordinary); every act issued afterwards for
 * one of those plates is e-mailed to them once, with date, place, article, the three amounts, the
 * pagoPA notice code and the link to the portal. The e-mail is a courtesy: it does not replace the
 * notification.
 */
@ApplicationScoped
public class CitizenNotices {

  private static final Logger LOG = Logger.getLogger(CitizenNotices.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{2,10}");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CitizenActs acts;
  @Inject CommandMail mail;
  @Inject CurrentTenant tenant;

  @Inject
  @ConfigProperty(name = "ksanctions.public-url", defaultValue = "http://127.0.0.1:8080")
  String publicUrl;

  Clock clock = Clock.systemUTC();

  /** A registered plate. */
  public record PlateView(String plate, String email, String channel) {
    public String channelLabel() {
      return "PEC".equals(channel) ? "PEC" : "Ordinaria (posta)";
    }
  }

  /** Registers (or updates) a plate of the signed-in citizen. */
  @Transactional
  public PlateView register(Grant grant, String plate, String email, String channel) {
    requireVerified(grant);
    String p = plate == null ? "" : plate.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    if (!PLATE.matcher(p).matches()) {
      throw new PortalRuleException(
          "portal.plates.plate",
          "Targa non valida: da 2 a 10 lettere o cifre.",
          Kind.INVALID_INPUT);
    }
    String address = email == null ? "" : email.strip();
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      throw new PortalRuleException(
          "portal.plates.email",
          "Indicare un indirizzo e-mail valido per ricevere gli avvisi.",
          Kind.INVALID_INPUT);
    }
    String ch = "PEC".equals(channel) ? "PEC" : "ORDINARY";
    if (!acts.ownsPlate(grant.taxCode(), p)) {
      throw new PortalRuleException(
          "portal.plates.not-owner",
          "La targa "
              + p
              + " non risulta intestata al Suo codice fiscale nei dati del comando: non può essere"
              + " registrata. Se il dato è errato, lo segnali al comando.");
    }
    em.createNativeQuery(
            "insert into citizen_plate (tax_code, plate, email, channel, registered_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (tax_code, plate) do update"
                + " set email = excluded.email, channel = excluded.channel")
        .setParameter(1, grant.taxCode())
        .setParameter(2, p)
        .setParameter(3, address)
        .setParameter(4, ch)
        .setParameter(5, clock.instant())
        .executeUpdate();
    return new PlateView(p, address, ch);
  }

  /** The signed-in citizen's plates. */
  @Transactional
  public List<PlateView> plates(Grant grant) {
    requireVerified(grant);
    List<PlateView> plates = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select plate, email, channel from citizen_plate where tax_code = ?1"
                    + " order by plate")
            .setParameter(1, grant.taxCode())
            .getResultList()) {
      Object[] r = (Object[]) o;
      plates.add(new PlateView((String) r[0], (String) r[1], (String) r[2]));
    }
    return plates;
  }

  /** Stops the notices for a plate. */
  @Transactional
  public void remove(Grant grant, String plate) {
    requireVerified(grant);
    em.createNativeQuery("delete from citizen_plate where tax_code = ?1 and plate = ?2")
        .setParameter(1, grant.taxCode())
        .setParameter(2, plate == null ? "" : plate.strip().toUpperCase(Locale.ROOT))
        .executeUpdate();
  }

  /**
   * E-mails, for the tenant in scope, the acts issued for a registered plate since its registration
   * and not e-mailed yet (each act once per citizen).
   *
   * @return how many notices were sent
   */
  @Transactional
  public int deliver() {
    int sent = 0;
    for (Object o :
        em.createNativeQuery(
                "select v.id, p.tax_code, p.email from verbale v join citizen_plate p"
                    + " on p.plate = v.plate and p.tax_code = v.owner_tax_code"
                    + " where v.issued_at >= p.registered_at and v.status <> 'ANNULLED'"
                    + " and not exists (select 1 from citizen_notice n where n.verbale_id = v.id"
                    + " and n.tax_code = p.tax_code) order by v.id limit 200")
            .getResultList()) {
      Object[] r = (Object[]) o;
      long id = ((Number) r[0]).longValue();
      VerbaleView v = acts.act(id).orElse(null);
      if (v == null) {
        continue;
      }
      int claimed =
          em.createNativeQuery(
                  "insert into citizen_notice (verbale_id, tax_code, email, sent_at)"
                      + " values (?1, ?2, ?3, ?4) on conflict (verbale_id, tax_code) do nothing")
              .setParameter(1, id)
              .setParameter(2, r[1])
              .setParameter(3, r[2])
              .setParameter(4, clock.instant())
              .executeUpdate();
      if (claimed == 0) {
        continue; // another node's run took it
      }
      try {
        mail.sendWithPlatformFallback(List.of((String) r[2]), subject(v), text(v));
        sent++;
      } catch (CommandMail.NotSent e) {
        // not claimed after all: the next run tries again
        em.createNativeQuery("delete from citizen_notice where verbale_id = ?1 and tax_code = ?2")
            .setParameter(1, id)
            .setParameter(2, r[1])
            .executeUpdate();
        LOG.warnf("Notice of act %s to a registered citizen not sent: %s", v.number(), e);
      }
    }
    return sent;
  }

  String subject(VerbaleView v) {
    return "Avviso: verbale n. " + v.number() + " per il veicolo " + v.plate();
  }

  public String text(VerbaleView v) {
    String command = tenant.require().displayName();
    StringBuilder b = new StringBuilder();
    b.append("Gentile cittadino,\n\nper il veicolo targato ")
        .append(v.plate())
        .append(", registrato nel portale dei servizi di ")
        .append(command)
        .append(", è stato emesso il verbale n. ")
        .append(v.number())
        .append(".\n\nData e ora: ")
        .append(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(v.violationAt()))
        .append("\nLuogo: ")
        .append(v.placeDescription())
        .append("\nNorma violata: ")
        .append(v.legalSource())
        .append(" - ")
        .append(v.articleTitle())
        .append("\n\nImporti:\n");
    String notice = null;
    for (WindowView w : v.windows()) {
      b.append("- ").append(w.label()).append(": ").append(euro(w.total())).append('\n');
      if (notice == null && w.noticeCode() != null) {
        notice = w.noticePrinted();
      }
    }
    if (notice != null) {
      b.append("\nCodice avviso pagoPA: ").append(notice).append('\n');
    }
    b.append("\nPer vedere il verbale e pagarlo: ")
        .append(publicUrl)
        .append("/t/")
        .append(tenant.require().slug())
        .append(
            "/portale/accesso.xhtml\n\nQuesto avviso è una cortesia e non sostituisce la"
                + " notifica del verbale, che segue le regole di legge.\n\n")
        .append(command)
        .append('\n');
    return b.toString();
  }

  private static String euro(BigDecimal amount) {
    return NumberFormat.getCurrencyInstance(Locale.ITALY).format(amount);
  }

  private static void requireVerified(Grant grant) {
    if (grant == null || !"SPID".equals(grant.how())) {
      throw new PortalRuleException(
          "portal.plates.spid-required",
          "Per registrare le targhe occorre accedere con SPID o CIE.",
          Kind.CONFLICT);
    }
  }
}
