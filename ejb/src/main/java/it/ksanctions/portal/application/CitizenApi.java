package it.ksanctions.portal.application;

import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.PersonalArea.ActLine;
import it.ksanctions.portal.application.PersonalArea.Position;
import it.ksanctions.portal.application.PortalFiles.FileView;
import it.ksanctions.portal.application.PortalFiles.Grant;
import it.ksanctions.sanctions.application.CitizenActs;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The citizen API's way into the product (issue 16 item 11, ADR 0012): the citizen API is a
 * deployment of its own beside the EAR (MicroProfile JWT cannot share the EAR with the back
 * office's OIDC, ADR 0003) and calls this bean through its global JNDI name {@value #JNDI_NAME}.
 *
 * <p>The caller gives the tenant's slug from the path and the codice fiscale of a verified token of
 * the citizens' realm; nothing else crosses the deployment boundary. Each call enters the tenant
 * here, inside the EAR, then reads through the portal's own services ({@link PersonalArea}, {@link
 * PortalFiles}) with a grant over every act of that codice fiscale in that tenant, exactly as the
 * personal area of a SPID login does: an act of another codice fiscale, or of another tenant, is
 * "not found". Not transactional itself, so that each service opens its transaction inside the
 * tenant's scope.
 *
 * <p>Every refusal is a {@link Refused} (an application exception: not wrapped, not logged as a
 * failure of the bean) with the rule's code, the Italian message and how the API answers it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CitizenApi {

  /** Where the citizen API finds this bean. */
  public static final String JNDI_NAME =
      "java:global/ksanctions/ksanctions-ejb/CitizenApi!it.ksanctions.portal.application.CitizenApi";

  /** One act as the citizen's app lists it: the personal area's line and the act's file. */
  public record Act(ActLine line, FileView file) {}

  /** A refusal, for the API to answer with its status and the Italian message. */
  @ApplicationException
  public static class Refused extends RuntimeException implements RuleViolation {
    private static final long serialVersionUID = 1L;

    /** How the API answers: 404 not found, 403 a suspended service or a token without a person. */
    public enum Answer {
      NOT_FOUND,
      SUSPENDED,
      NOT_A_CITIZEN
    }

    private final String code;
    private final String italianMessage;
    private final Answer answer;

    public Refused(String code, String italianMessage, Answer answer) {
      super(code + ": " + italianMessage);
      this.code = code;
      this.italianMessage = italianMessage;
      this.answer = answer;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String italianMessage() {
      return italianMessage;
    }

    @Override
    public Kind kind() {
      return answer == Answer.NOT_FOUND ? Kind.NOT_FOUND : Kind.CONFLICT;
    }

    public Answer answer() {
      return answer;
    }
  }

  @Inject TenantDirectory directory;
  @Inject CitizenActs acts;
  @Inject PersonalArea area;
  @Inject PortalFiles files;
  @Inject InstalmentRequests instalments;

  /**
   * The codice fiscale a token's {@code fiscal_number} claim names (SPID's {@code TINIT-} prefix
   * stripped), upper case.
   *
   * @throws Refused when the claim is missing or is not the codice fiscale of a person
   */
  public String taxCodeOf(String fiscalNumber) {
    String taxCode = fiscalNumber == null ? "" : fiscalNumber.strip().toUpperCase(Locale.ROOT);
    if (taxCode.startsWith("TINIT-")) {
      taxCode = taxCode.substring("TINIT-".length());
    }
    if (!CodiceFiscale.isValid(taxCode)) {
      throw new Refused(
          "portal.api.no-tax-code",
          "Il token non contiene il codice fiscale di una persona fisica: accedere con SPID o CIE.",
          Refused.Answer.NOT_A_CITIZEN);
    }
    return taxCode;
  }

  /** Every act of {@code fiscalNumber} in tenant {@code slug}, newest first. */
  public List<Act> acts(String slug, String fiscalNumber) {
    return inTenant(
        slug,
        fiscalNumber,
        grant -> {
          List<Act> found = new ArrayList<>();
          for (long id : grant.acts()) {
            read(grant, id).ifPresent(found::add);
          }
          found.sort(
              (a, b) -> {
                int byDay =
                    a.line().violationDay() == null || b.line().violationDay() == null
                        ? 0
                        : b.line().violationDay().compareTo(a.line().violationDay());
                return byDay != 0 ? byDay : Long.compare(b.line().id(), a.line().id());
              });
          return List.copyOf(found);
        });
  }

  /**
   * One act of {@code fiscalNumber} in tenant {@code slug}.
   *
   * @throws Refused "not found" for an act of another codice fiscale or of another tenant
   */
  public Act act(String slug, String fiscalNumber, long id) {
    return inTenant(slug, fiscalNumber, grant -> read(grant, id).orElseThrow(CitizenApi::notFound));
  }

  /** The act's PDF as issued. */
  public byte[] pdf(String slug, String fiscalNumber, long id) {
    return inTenant(
        slug,
        fiscalNumber,
        grant -> {
          try {
            return files.pdf(grant, id);
          } catch (RuntimeException e) {
            throw refusal(e);
          }
        });
  }

  /** The debt position of {@code fiscalNumber} in tenant {@code slug}. */
  public Position position(String slug, String fiscalNumber) {
    return inTenant(
        slug,
        fiscalNumber,
        grant -> {
          try {
            return area.position(grant);
          } catch (RuntimeException e) {
            throw refusal(e);
          }
        });
  }

  private Optional<Act> read(Grant grant, long id) {
    if (!grant.mayRead(id)) {
      return Optional.empty();
    }
    FileView file;
    try {
      file = files.file(grant, id);
    } catch (RuntimeException e) {
      if (e instanceof RuleViolation) {
        return Optional.empty(); // annulled meanwhile
      }
      throw e;
    }
    List<PlanView> plans = instalments.ofVerbale(grant, id);
    return Optional.of(new Act(PersonalArea.line(file, plans), file));
  }

  /**
   * Runs {@code work} in the scope of tenant {@code slug} (onboarded and serving), with the grant
   * of every act of the codice fiscale there.
   */
  private <T> T inTenant(String slug, String fiscalNumber, Function<Grant, T> work) {
    String taxCode = taxCodeOf(fiscalNumber);
    Optional<TenantSnapshot> tenant =
        TenantId.isValidSlug(slug) ? directory.bySlug(slug) : Optional.empty();
    if (tenant.isEmpty() || !tenant.get().isOnboarded()) {
      throw new Refused(
          "portal.api.tenant-unknown",
          "Comando non trovato: controllare l'indirizzo (/t/<comando>/...).",
          Refused.Answer.NOT_FOUND);
    }
    if (!tenant.get().isServing()) {
      throw new Refused(
          "portal.api.tenant-suspended",
          "Servizio sospeso: i servizi online di questo comando non sono al momento disponibili.",
          Refused.Answer.SUSPENDED);
    }
    try (TenantScope scope = TenantScope.enter(tenant.get().id())) {
      Grant grant = new Grant(taxCode, Set.copyOf(acts.ofOwner(taxCode)), PersonalArea.SPID);
      return work.apply(grant);
    }
  }

  private static Refused refusal(RuntimeException e) {
    if (e instanceof Refused refused) {
      return refused;
    }
    if (e instanceof RuleViolation rule && rule.kind() == RuleViolation.Kind.NOT_FOUND) {
      return new Refused(rule.code(), rule.italianMessage(), Refused.Answer.NOT_FOUND);
    }
    throw e;
  }

  private static Refused notFound() {
    return new Refused(
        "portal.act.not-found",
        "Verbale non disponibile: non risulta tra i verbali del codice fiscale con cui si è entrati"
            + " in questo comando.",
        Refused.Answer.NOT_FOUND);
  }
}
