package it.ksanctions.notifications.domain;

/**
 * The state of a print-and-mail batch: prepared (its acts chosen, the ZIP to print may be produced)
 * or handed over to the postal intermediary. Constant names are stored: never rename them.
 */
public enum PostalBatchStatus {
  PREPARED("Preparato"),
  HANDED_OVER("Consegnato al servizio postale");

  private final String italianLabel;

  PostalBatchStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
