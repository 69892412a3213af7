package it.ksanctions.web.backoffice;

import it.ksanctions.permissions.application.AccessDeniedException;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.StaffAccounts.UsernameTakenException;
import it.ksanctions.permissions.domain.PermissionRuleException;
import it.ksanctions.platform.infrastructure.IdentityProviderException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a back-office action and turns its outcome into a message in Italian: refusals of the
 * Permissions module and broken rules are explained, nothing is half-done (the services roll back).
 */
public final class Feedback {

  private static final Logger LOG = Logger.getLogger(Feedback.class);

  private static final Map<String, String> RULES =
      Map.ofEntries(
          Map.entry(
              "permissions.codice-fiscale.format",
              "Il codice fiscale non ha il formato corretto (16 caratteri)."),
          Map.entry(
              "permissions.codice-fiscale.check-character",
              "Il codice fiscale non è valido: il carattere di controllo non corrisponde."),
          Map.entry("permissions.permission.unknown", "Permesso sconosciuto."),
          Map.entry(
              "permissions.change.not-confirmed", "La modifica richiede una conferma esplicita."),
          Map.entry(
              "permissions.change.reason-missing",
              "Indicare la motivazione o il riferimento dell'atto."),
          Map.entry(
              "permissions.change.without-effect", "Nessuna modifica: i valori sono già questi."),
          Map.entry(
              "permissions.role.invalid",
              "Codice o nome del ruolo non valido (codice: lettere maiuscole, cifre e _; nome: almeno 3 caratteri)."),
          Map.entry("permissions.role.unknown", "Ruolo inesistente."),
          Map.entry("permissions.role.code-taken", "Esiste già un ruolo con questo codice."),
          Map.entry("permissions.role.name-taken", "Esiste già un ruolo con questo nome."),
          Map.entry(
              "permissions.role.predefined-not-deletable",
              "I ruoli predefiniti non si possono eliminare: si possono solo duplicare."),
          Map.entry(
              "permissions.role.predefined-not-editable",
              "I ruoli predefiniti non si possono modificare: duplicarli e modificare il ruolo derivato."),
          Map.entry(
              "permissions.role.in-use",
              "Il ruolo è assegnato a utenti attivi o sospesi: riassegnarli prima di eliminarlo."),
          Map.entry("permissions.role.deleted", "Il ruolo è stato eliminato."),
          Map.entry(
              "permissions.visibility.scope-invalid",
              "Politica di visibilità non consentita per questo ruolo."),
          Map.entry(
              "permissions.user.invalid",
              "Dati dell'utente non validi: nome utente (3-64 caratteri minuscoli, cifre, . _ @ -), nome, cognome e reparto sono obbligatori."),
          Map.entry(
              "permissions.user.primary-role-conflict",
              "Un utente ha un solo ruolo principale: usare il cambio ruolo."),
          Map.entry(
              "permissions.user.status-transition-not-allowed",
              "Questo cambio di stato non è consentito (un utente disattivato non si riattiva)."),
          Map.entry(
              "permissions.user.deactivated",
              "L'utente è disattivato: i suoi dati non si modificano più."),
          Map.entry(
              "permissions.user.access-by-inactive-user",
              "Utente non attivo: accesso non consentito."),
          Map.entry(
              "permissions.user.has-active-records",
              "L'utente ha pratiche attive: non si può eliminare."));

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
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof AccessDeniedException denied) {
        return denied.italianMessage();
      }
      if (e instanceof AdministrationException refused) {
        return refused.italianMessage();
      }
      if (e instanceof PermissionRuleException rule) {
        return RULES.getOrDefault(rule.code(), "Operazione non consentita: " + rule.getMessage());
      }
      if (e instanceof it.ksanctions.articles.domain.ArticleChangeRefusedException refused) {
        return switch (refused.reason()) {
          case AUTHOR_REQUIRED -> "La modifica deve indicare il suo autore.";
          case CONFIRMATION_REQUIRED ->
              "Le modifiche di importi o descrizioni richiedono la conferma esplicita.";
          case REASON_REQUIRED -> "Indicare la motivazione della modifica.";
          case LEGAL_SOURCE_REQUIRED -> "Indicare la fonte normativa (legge, decreto, ordinanza).";
          case NOT_AFTER_CURRENT_VERSION ->
              "La nuova versione deve iniziare dopo l'inizio della versione in vigore.";
          case DIFFERENT_ARTICLE -> "Le versioni appartengono ad articoli diversi.";
          case IN_USE -> "L'articolo è usato da preavvisi o verbali: non si può eliminare.";
          case NOT_ACTIVE -> "Solo un articolo attivo riceve nuove versioni.";
        };
      }
      if (e instanceof it.ksanctions.articles.domain.InvalidArticleVersionException
          || e instanceof it.ksanctions.articles.domain.InvalidArticleCodeException) {
        return "Dati dell'articolo non validi: codice nella forma 142c8 (o codice locale in"
            + " maiuscolo), importi maggiori di zero con al più due decimali, minimo non superiore"
            + " al massimo, data di inizio obbligatoria. Dettaglio: "
            + e.getMessage();
      }
      if (e instanceof it.ksanctions.places.domain.PlaceRuleException place) {
        return withDetail(place.italianMessage(), place.getMessage());
      }
      if (e instanceof it.ksanctions.devices.domain.DeviceRuleException device) {
        return withDetail(device.italianMessage(), device.getMessage());
      }
      if (e instanceof it.ksanctions.command.domain.CommandRuleException command) {
        return command.italianMessage();
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

  /** A rule's Italian message followed by the detail of "code: detail" in brackets, if any. */
  private static String withDetail(String italianMessage, String codeAndDetail) {
    int colon = codeAndDetail.indexOf(": ");
    return italianMessage + (colon < 0 ? "" : " (" + codeAndDetail.substring(colon + 2) + ")");
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
