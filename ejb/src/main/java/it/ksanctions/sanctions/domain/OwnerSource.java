package it.ksanctions.sanctions.domain;

/** How an owner record reached the registry table: typed by an officer or from an owner file. */
public enum OwnerSource {
  MANUAL("Inserimento manuale"),
  FILE("Importazione da file");

  private final String italianLabel;

  OwnerSource(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
