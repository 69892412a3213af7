package it.ksanctions.sanctions.domain;

/** Where a pre-notice comes from (LIF-1): the mobile app in the field or a paper form. */
public enum PreNoticeOrigin {
  MOBILE("Dispositivo mobile"),
  PAPER("Cartaceo (inserimento manuale)");

  private final String italianLabel;

  PreNoticeOrigin(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
