package it.ksanctions.devices.domain;

/** Outcome of a data download from a fixed device (DEV-5). */
public enum DownloadOutcome {
  COMPLETED("Completato"),
  WITH_ERRORS("Con errori"),
  CANCELLED("Annullato");

  private final String italianLabel;

  DownloadOutcome(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
