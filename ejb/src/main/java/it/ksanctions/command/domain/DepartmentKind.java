package it.ksanctions.command.domain;

/**
 * A department of the command ("reparto", e.g. Viabilità, Contenzioso) or an operating unit inside
 * one ("unità operativa", e.g. Nucleo ZTL of Viabilità): the organisation has one level of units.
 * Constant names are stored: never renamed.
 */
public enum DepartmentKind {
  DEPARTMENT("Reparto"),
  UNIT("Unità operativa");

  private final String italianLabel;

  DepartmentKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
