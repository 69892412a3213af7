package it.ksanctions.permissions.application;

import jakarta.ejb.ApplicationException;

/** A request to the Permissions administration that cannot be carried out; nothing changed. */
@ApplicationException(rollback = true)
public class AdministrationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String italianMessage;

  public AdministrationException(String message, String italianMessage) {
    super(message);
    this.italianMessage = italianMessage;
  }

  public String italianMessage() {
    return italianMessage;
  }
}
