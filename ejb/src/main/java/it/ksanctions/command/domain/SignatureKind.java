package it.ksanctions.command.domain;

/**
 * How the command signs its documents (CMD-1 "Firma digitale o sigillo elettronico qualificato").
 */
public enum SignatureKind {
  NONE("Nessuna (firma autografa sostituita a mezzo stampa)"),
  DIGITAL_SIGNATURE("Firma digitale del responsabile"),
  QUALIFIED_SEAL("Sigillo elettronico qualificato");

  private final String italianLabel;

  SignatureKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
