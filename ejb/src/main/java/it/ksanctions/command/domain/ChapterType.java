package it.ksanctions.command.domain;

/** Revenue or expense chapter of the body's budget (CMD-3 "Tipologia"). */
public enum ChapterType {
  REVENUE("Entrata"),
  EXPENSE("Spesa");

  private final String italianLabel;

  ChapterType(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
