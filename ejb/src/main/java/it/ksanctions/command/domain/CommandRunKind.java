package it.ksanctions.command.domain;

/**
 * Work during which the command's configuration must not change (CMD-7 "blocco delle modifiche
 * durante l'elaborazione di batch contabili o protocollazioni attive").
 */
public enum CommandRunKind {
  ACCOUNTING_BATCH("elaborazione contabile"),
  PROTOCOL_RUN("protocollazione");

  private final String italianLabel;

  CommandRunKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
