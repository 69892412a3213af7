package it.ksanctions.command.domain;

/** How the SMTP connection is protected. Constant names are stored: never renamed. */
public enum TlsMode {
  NONE("Nessuna (solo reti interne)"),
  STARTTLS("STARTTLS"),
  SSL("SSL/TLS implicito");

  private final String italianLabel;

  TlsMode(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
