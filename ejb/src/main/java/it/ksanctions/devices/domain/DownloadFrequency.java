package it.ksanctions.devices.domain;

/** How often the data of a fixed device are downloaded (DEV-3), with the days between downloads. */
public enum DownloadFrequency {
  DAILY("Giornaliera", 1),
  WEEKLY("Settimanale", 7),
  MONTHLY("Mensile", 31);

  private final String italianLabel;
  private final int days;

  DownloadFrequency(String italianLabel, int days) {
    this.italianLabel = italianLabel;
    this.days = days;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** The longest expected interval between two downloads, in days. */
  public int days() {
    return days;
  }
}
