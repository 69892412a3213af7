package it.ksanctions.devices.domain;

/** The rules of the Devices context (DEV-2, DEV-3, DEV-5, DEV-8), each with a stable code. */
public enum DeviceRule {
  CODE_INVALID(
      "devices.code.invalid",
      "Codice del dispositivo non valido: da 2 a 30 caratteri tra lettere maiuscole, cifre, . _ -"),
  CODE_TAKEN("devices.code.taken", "Esiste già un dispositivo con questo codice."),
  CATEGORY_REQUIRED("devices.category.required", "Indicare se il dispositivo è mobile o fisso."),
  IDENTIFIER_REQUIRED(
      "devices.mobile.identifier-required",
      "Un dispositivo mobile richiede l'identificativo univoco (IMEI, seriale o ID interno)."),
  IMEI_INVALID(
      "devices.mobile.imei-invalid",
      "IMEI non valido: 15 cifre con la cifra di controllo corretta (algoritmo di Luhn)."),
  IDENTIFIER_TAKEN(
      "devices.mobile.identifier-taken",
      "L'identificativo è già registrato per un altro dispositivo mobile."),
  MODEL_REQUIRED("devices.mobile.model-required", "Indicare il modello del dispositivo."),
  ASSIGNEE_REQUIRED(
      "devices.mobile.assignee-required",
      "Un dispositivo mobile è assegnato a un agente o a un reparto."),
  TYPE_REQUIRED(
      "devices.fixed.type-required",
      "Indicare la tipologia dell'apparato (autovelox, varco ZTL, telecamera…)."),
  PLACE_REQUIRED(
      "devices.fixed.place-required",
      "Un dispositivo fisso deve essere collegato a un luogo codificato del modulo Luoghi."),
  PLACE_NOT_VALID(
      "devices.fixed.place-not-valid",
      "Il luogo indicato non esiste o è disattivato: scegliere un luogo codificato attivo."),
  DETECTION_CATEGORY_REQUIRED(
      "devices.fixed.detection-category-required",
      "Indicare la categoria di rilevazione (es. velocità, accessi ZTL, sosta)."),
  DOWNLOAD_SETTINGS_REQUIRED(
      "devices.fixed.download-settings-required",
      "Indicare frequenza di scarico e formato dei file prodotti."),
  CALIBRATION_NOT_CURRENT(
      "devices.calibration.not-current",
      "Il dispositivo misura la velocità: serve un certificato di taratura valido per attivarlo"
          + " o per registrarne gli scarichi."),
  CERTIFICATE_FIXED_ONLY(
      "devices.calibration.fixed-only",
      "I certificati di taratura riguardano i dispositivi fissi."),
  CERTIFICATE_NUMBER_REQUIRED(
      "devices.calibration.number-required",
      "Indicare numero del certificato e ente o laboratorio che lo ha rilasciato."),
  CERTIFICATE_DATES(
      "devices.calibration.dates",
      "Date del certificato non valide: la taratura non è nel futuro e la scadenza la segue."),
  CERTIFICATE_FILE(
      "devices.calibration.file",
      "Il certificato deve essere un file PDF non vuoto di al massimo 10 MB."),
  DOWNLOAD_FIXED_ONLY(
      "devices.download.fixed-only", "Gli scarichi dati riguardano i dispositivi fissi."),
  DOWNLOAD_OPERATOR_REQUIRED(
      "devices.download.operator-required",
      "Per ogni scarico dati è obbligatorio indicare l'operatore responsabile."),
  DOWNLOAD_DATA_REQUIRED(
      "devices.download.data-required",
      "Indicare data e ora dello scarico (non nel futuro) e l'esito."),
  DECOMMISSIONED("devices.decommissioned", "Il dispositivo è dismesso: non si modifica più."),
  REASON_REQUIRED("devices.reason.required", "Indicare la motivazione."),
  NO_CHANGE("devices.no-change", "Nessuna modifica: i dati sono già questi."),
  IN_USE(
      "devices.in-use",
      "Il dispositivo è collegato a scarichi, sincronizzazioni, preavvisi o verbali: non si può"
          + " eliminare, solo dismettere."),
  NOT_MOBILE(
      "devices.credential.mobile-only",
      "Solo i dispositivi mobili attivi ricevono credenziali per l'app."),
  TEXT_TOO_LONG("devices.text.too-long", "Testo troppo lungo.");

  private final String code;
  private final String italianMessage;

  DeviceRule(String code, String italianMessage) {
    this.code = code;
    this.italianMessage = italianMessage;
  }

  public String code() {
    return code;
  }

  public String italianMessage() {
    return italianMessage;
  }
}
