package it.ksanctions.sanctions.domain;

/** Where an import of a camera file stands (DEV-5: completed, with errors, cancelled). */
public enum ImportStatus {
  QUEUED("In coda"),
  RUNNING("In corso"),
  STOPPED("Interrotta (riprendibile)"),
  COMPLETED("Completata"),
  FAILED("Con errori: nulla pubblicato"),
  CANCELLED("Annullata");

  private final String italianLabel;

  ImportStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** Whether the import still runs or waits to. */
  public boolean inProgress() {
    return this == QUEUED || this == RUNNING;
  }
}
