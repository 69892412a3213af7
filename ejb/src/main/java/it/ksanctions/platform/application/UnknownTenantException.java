package it.ksanctions.platform.application;

import jakarta.ejb.ApplicationException;

/** No tenant has the given slug. */
@ApplicationException
public class UnknownTenantException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownTenantException(String slug) {
    super("No tenant with slug '" + slug + "'");
  }
}
