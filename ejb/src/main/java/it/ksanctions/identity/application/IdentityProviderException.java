package it.ksanctions.identity.application;

/** The identity provider refused a request or could not be reached; the step can be retried. */
public class IdentityProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdentityProviderException(String message) {
    super(message);
  }

  public IdentityProviderException(String message, Throwable cause) {
    super(message, cause);
  }
}
