package it.ksanctions.command.domain;

/** The categories of the command's fees (CMD-2): assessment, notification, administrative. */
public enum FeeCategory {
  ASSESSMENT("Accertamento"),
  NOTIFICATION("Notifica"),
  ADMINISTRATIVE("Amministrativa");

  private final String italianLabel;

  FeeCategory(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
