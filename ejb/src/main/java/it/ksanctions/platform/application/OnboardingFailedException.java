package it.ksanctions.platform.application;

import jakarta.ejb.ApplicationException;

/**
 * Onboarding stopped at a step. The tenant stays registered as FAILED with the reason; repeating
 * the same request resumes it.
 */
@ApplicationException
public class OnboardingFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OnboardingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
