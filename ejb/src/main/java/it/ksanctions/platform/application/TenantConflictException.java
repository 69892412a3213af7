package it.ksanctions.platform.application;

import jakarta.ejb.ApplicationException;

/** The request clashes with an existing tenant (same slug with other data, or a taken host). */
@ApplicationException
public class TenantConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TenantConflictException(String message) {
    super(message);
  }
}
