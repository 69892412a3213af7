package it.ksanctions.platform.domain;

/** The steps of an onboarding, in order, as the console's wizard shows their progress. */
public enum OnboardingStep {
  SCHEMA("Ruolo e schema del database"),
  MIGRATIONS("Migrazioni dello schema"),
  ORGANIZATION("Organizzazione in Keycloak"),
  ADMINISTRATOR("Primo amministratore"),
  THEME("Tema"),
  CREDENTIALS("Credenziali di integrazione");

  private final String italianLabel;

  OnboardingStep(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
