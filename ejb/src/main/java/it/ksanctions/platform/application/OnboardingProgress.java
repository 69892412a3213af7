package it.ksanctions.platform.application;

import it.ksanctions.platform.domain.OnboardingStep;

/** Listens to the progress of an onboarding's steps (the console's wizard shows it). */
public interface OnboardingProgress {

  /** Ignores the progress (the REST API answers only the outcome). */
  OnboardingProgress NONE = new OnboardingProgress() {};

  default void started(OnboardingStep step) {}

  default void done(OnboardingStep step) {}

  default void failed(OnboardingStep step, RuntimeException cause) {}
}
