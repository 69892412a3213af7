package it.ksanctions.sanctions.domain;

/**
 * Whether a vehicle's owner is a person (16-character codice fiscale) or a company or public body
 * (11-digit numeric tax code): told by the tax code it has.
 */
public enum OwnerKind {
  PERSON("Persona fisica"),
  COMPANY("Persona giuridica");

  private final String italianLabel;

  OwnerKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
