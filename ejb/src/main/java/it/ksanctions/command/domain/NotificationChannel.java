package it.ksanctions.command.domain;

/**
 * The channels a verbale is notified by, each with its own notification fees (CMD-2): registered
 * mail with return receipt, PEC, the SEND platform, and abroad or through a specialised postal
 * intermediary.
 */
public enum NotificationChannel {
  POST("Raccomandata A/R"),
  PEC("PEC"),
  SEND("SEND (piattaforma notifiche digitali)"),
  ABROAD("Estero o intermediario postale");

  private final String italianLabel;

  NotificationChannel(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
