package it.ksanctions.devices.domain;

/** What a device history entry records (DEV-9: status, technical data, certifications). */
public enum DeviceHistoryKind {
  REGISTERED("Registrazione"),
  TECHNICAL("Dati tecnici"),
  STATUS("Stato"),
  CERTIFICATE("Certificato di taratura"),
  CREDENTIAL("Credenziali");

  private final String italianLabel;

  DeviceHistoryKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
