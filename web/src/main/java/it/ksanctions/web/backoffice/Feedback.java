package it.ksanctions.web.backoffice;

import it.ksanctions.identity.application.IdentityProviderException;
import it.ksanctions.identity.application.StaffAccounts.UsernameTakenException;
import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.shared.RuleViolation;
import it.ksanctions.web.Refusals;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a back-office action and turns its outcome into a message in Italian: a broken rule of any
 * context is explained by {@link Refusals}, refusals of the Permissions module and of the identity
 * provider here; nothing is half-done (the services roll back).
 */
public final class Feedback {

  private static final Logger LOG = Logger.getLogger(Feedback.class);

  private Feedback() {}

  public static <T> T attempt(Supplier<T> action, String successMessage) {
    try {
      T result = action.get();
      if (successMessage != null) {
        info(successMessage);
      }
      return result;
    } catch (RuntimeException e) {
      error(explain(e));
      return null;
    }
  }

  public static boolean attempt(Runnable action, String successMessage) {
    return attempt(
            () -> {
              action.run();
              return Boolean.TRUE;
            },
            successMessage)
        != null;
  }

  public static String explain(Throwable failure) {
    Optional<RuleViolation> rule = Refusals.ruleViolationIn(failure);
    if (rule.isPresent()) {
      return Refusals.italianExplanation(rule.get());
    }
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof AccessDeniedException denied) {
        return denied.italianMessage();
      }
      if (e instanceof AdministrationException refused) {
        return refused.italianMessage();
      }
      if (e instanceof UsernameTakenException) {
        return "Il nome utente è già usato da un altro comando o da un'altra persona: sceglierne un altro.";
      }
      if (e instanceof IdentityProviderException) {
        LOG.error("Identity provider failure", e);
        return "Il servizio di autenticazione non risponde: nessuna modifica è stata salvata. Riprovare tra poco.";
      }
    }
    LOG.error("Back-office action failed", failure);
    return "Si è verificato un errore imprevisto: nessuna modifica è stata salvata.";
  }

  /** The message of an import refused as a whole: how many problems, nothing stored. */
  public static void importRejected(int problems, String nothingStored) {
    error(
        "File rifiutato: "
            + (problems == 1 ? "un problema" : problems + " problemi")
            + ", "
            + nothingStored
            + ". Correggere il file e riprovare.");
  }

  public static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  public static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }
}
