package it.ksanctions.permissions.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Map;
import java.util.Objects;

/**
 * A rule of the Permissions context was broken: the operation is blocked (seed §11.3 "il sistema
 * blocca l'operazione e genera un messaggio di sicurezza").
 *
 * <p>One subclass per kind of violation, so callers can catch what they can handle; all of them
 * carry the {@link PermissionRule} whose {@link #code()} the UI translates.
 */
public abstract class PermissionRuleException extends RuntimeException implements RuleViolation {

  /** What an officer reads for each rule, in Italian. */
  private static final Map<String, String> ITALIAN =
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

  private static final long serialVersionUID = 1L;

  private final PermissionRule rule;

  protected PermissionRuleException(PermissionRule rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public PermissionRule rule() {
    return rule;
  }

  /** The stable code of the broken rule, for the UI's message bundle and the security log. */
  @Override
  public String code() {
    return rule.code();
  }

  @Override
  public String italianMessage() {
    return ITALIAN.getOrDefault(code(), "Operazione non consentita: " + getMessage());
  }
}
