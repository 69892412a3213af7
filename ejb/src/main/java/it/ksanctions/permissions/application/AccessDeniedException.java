package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.UserStatus;
import jakarta.ejb.ApplicationException;

/** The signed-in user may not do this (PRM-2): the operation is blocked, nothing changes. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String italianMessage;

  public AccessDeniedException(String message, String italianMessage) {
    super(message);
    this.italianMessage = italianMessage;
  }

  static AccessDeniedException notSignedIn() {
    return new AccessDeniedException(
        "No staff user of this command is signed in",
        "Accesso riservato al personale del comando.");
  }

  static AccessDeniedException noProfile(String username) {
    return new AccessDeniedException(
        "'" + username + "' is not a user of this command",
        "L'utente " + username + " non è censito tra il personale di questo comando.");
  }

  static AccessDeniedException inactive(String username, UserStatus status) {
    return new AccessDeniedException(
        "User '" + username + "' is " + status,
        "L'utente "
            + username
            + " non è attivo ("
            + status.italianLabel().toLowerCase(java.util.Locale.ITALIAN)
            + "): accesso non consentito.");
  }

  static AccessDeniedException notGranted(String roleName, AppModule module, AppAction action) {
    return new AccessDeniedException(
        "Role '" + roleName + "' is not granted " + action + " on " + module,
        "Il ruolo «"
            + roleName
            + "» non consente «"
            + action.italianLabel()
            + "» nel modulo «"
            + module.italianLabel()
            + "».");
  }

  /** The message for the user, in Italian. */
  public String italianMessage() {
    return italianMessage;
  }
}
