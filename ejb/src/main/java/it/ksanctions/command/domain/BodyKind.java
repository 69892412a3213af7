package it.ksanctions.command.domain;

/** The body a command belongs to (CMD-1 "Ente di appartenenza"). */
public enum BodyKind {
  COMUNE("Comune"),
  UNIONE("Unione di Comuni"),
  PROVINCIA("Provincia");

  private final String italianLabel;

  BodyKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
