package it.ksanctions.platform;

import it.ksanctions.platform.application.TenantConflictException;
import it.ksanctions.platform.application.UnknownTenantException;
import it.ksanctions.platform.domain.PlatformRuleException;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.security.Caller;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jboss.logging.Logger;

/** Helpers of the console's views: the signed-in user, messages in Italian, dates and sizes. */
final class ConsoleSupport {

  private static final Logger LOG = Logger.getLogger(ConsoleSupport.class);
  static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ITALY).withZone(ROME);

  private ConsoleSupport() {}

  /** The signed-in vendor support user. */
  static String platformUser() {
    return Caller.of(FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal())
        .map(Caller::username)
        .orElse("sconosciuto");
  }

  static String format(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant);
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return String.format(Locale.ITALY, "%.1f kB", kb);
    }
    return String.format(Locale.ITALY, "%.1f MB", kb / 1024.0);
  }

  /** Runs an action; a refusal becomes an Italian message. */
  static boolean attempt(Runnable action, String successMessage) {
    try {
      action.run();
      if (successMessage != null) {
        info(successMessage);
      }
      return true;
    } catch (RuntimeException e) {
      error(explain(e));
      return false;
    }
  }

  static String explain(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof PlatformRuleException rule) {
        return rule.italianMessage();
      }
      if (e instanceof UnknownTenantException) {
        return "Comando inesistente.";
      }
      if (e instanceof TenantConflictException conflict) {
        String message = String.valueOf(conflict.getMessage());
        if (message.startsWith("Only an active tenant")) {
          return "Solo un comando attivo si può sospendere.";
        }
        if (message.startsWith("Only a suspended tenant")) {
          return "Solo un comando sospeso si può riattivare.";
        }
        return "Operazione in conflitto con lo stato del comando: " + message;
      }
      if (e instanceof InvalidRequestException invalid) {
        return "Dati non validi: " + invalid.errors();
      }
    }
    LOG.error("Console action failed", failure);
    return "Si è verificato un errore imprevisto: nessuna modifica è stata salvata.";
  }

  static void info(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
  }

  static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  static void fieldError(String clientId, String message) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }
}
