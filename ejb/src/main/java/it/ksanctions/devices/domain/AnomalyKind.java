package it.ksanctions.devices.domain;

/** Anomalies of a device shown in monitoring and raised as alerts (DEV-6, DEV-7, DEV-10). */
public enum AnomalyKind {
  NOT_SYNCHRONISED("Mancata sincronizzazione"),
  CALIBRATION_MISSING("Taratura non registrata"),
  CALIBRATION_EXPIRING("Taratura in scadenza"),
  CALIBRATION_EXPIRED("Taratura scaduta"),
  PLACE_NOT_VALID("Dispositivo senza luogo valido"),
  READ_ERROR("Errore di lettura nell'ultimo scarico"),
  DOWNLOAD_OVERDUE("Scarico dati in ritardo"),
  UNAUTHORISED_ACCESS("Tentativo di connessione non autorizzata");

  private final String italianLabel;

  AnomalyKind(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
