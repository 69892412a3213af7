package it.ksanctions.devices.domain;

/** The two device categories of DEV-1. */
public enum DeviceCategory {
  MOBILE("Mobile (palmare, tablet)"),
  FIXED("Fisso o automatico");

  private final String italianLabel;

  DeviceCategory(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
