package it.ksanctions.devices.domain;

/** Format of the files a fixed device produces (DEV-3). */
public enum OutputFormat {
  EXCEL("Excel"),
  CSV("CSV"),
  XML("XML"),
  JSON("JSON");

  private final String italianLabel;

  OutputFormat(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
