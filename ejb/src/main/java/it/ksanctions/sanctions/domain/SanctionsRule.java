package it.ksanctions.sanctions.domain;

import it.ksanctions.shared.RuleViolation.Kind;

/**
 * The rules of the Sanctions context (LIF-1, DEV-4, PRM-6), each with a stable code and the message
 * an officer reads. {@link Kind#INVALID_INPUT} rules refuse a malformed value; the others refuse a
 * change in the current state.
 */
public enum SanctionsRule {
  ID_REQUIRED(
      "sanctions.pre-notice.id-required",
      "Manca l'identificativo del preavviso o non è un UUID valido (generato dal dispositivo).",
      Kind.INVALID_INPUT),
  ID_TAKEN(
      "sanctions.pre-notice.id-taken",
      "L'identificativo è già usato da un preavviso di un altro agente: il dispositivo deve"
          + " generare un nuovo UUID.",
      Kind.CONFLICT),
  ORIGIN_REQUIRED(
      "sanctions.pre-notice.origin-required",
      "Indicare l'origine del preavviso (dispositivo mobile o cartaceo).",
      Kind.INVALID_INPUT),
  VIOLATION_TIME_REQUIRED(
      "sanctions.violation-time.required",
      "Indicare data e ora della violazione.",
      Kind.INVALID_INPUT),
  VIOLATION_TIME_INVALID(
      "sanctions.violation-time.invalid",
      "Data e ora della violazione non leggibili: usare un istante ISO-8601, es."
          + " 2026-11-23T10:15:30Z.",
      Kind.INVALID_INPUT),
  VIOLATION_IN_FUTURE(
      "sanctions.violation-time.future",
      "La data e l'ora della violazione sono nel futuro: controllare l'orologio del dispositivo.",
      Kind.INVALID_INPUT),
  PLACE_REQUIRED(
      "sanctions.place.required",
      "Indicare il luogo codificato della violazione.",
      Kind.INVALID_INPUT),
  PLACE_NOT_VALID(
      "sanctions.place.not-valid",
      "Il luogo indicato non esiste o è disattivato: scegliere un luogo codificato attivo.",
      Kind.CONFLICT),
  ARTICLE_REQUIRED(
      "sanctions.article.required",
      "Indicare l'articolo violato (es. 142c8 o un codice di regolamento locale).",
      Kind.INVALID_INPUT),
  ARTICLE_INVALID(
      "sanctions.article.invalid",
      "Codice articolo non valido: nella forma 142c8 o un codice di regolamento locale in"
          + " maiuscolo (es. ZTL-01).",
      Kind.INVALID_INPUT),
  ARTICLE_NOT_IN_FORCE(
      "sanctions.article.not-in-force",
      "L'articolo indicato non esiste o non era in vigore alla data della violazione.",
      Kind.CONFLICT),
  PLACE_INVALID(
      "sanctions.place.invalid",
      "Codice del luogo non valido: da 2 a 30 caratteri tra lettere, cifre, . _ -",
      Kind.INVALID_INPUT),
  PLATE_REQUIRED("sanctions.plate.required", "Indicare la targa del veicolo.", Kind.INVALID_INPUT),
  PLATE_COUNTRY_INVALID(
      "sanctions.plate.country-invalid",
      "Nazione della targa non valida: codice ISO di due lettere, es. IT, FR, DE.",
      Kind.INVALID_INPUT),
  PLATE_INVALID(
      "sanctions.plate.invalid",
      "Targa italiana non valida: formati ammessi AB123CD (autoveicoli e rimorchi), AB12345"
          + " (motoveicoli), X2B3CD (ciclomotori), targhe provinciali storiche (es. LT123456) e"
          + " targhe di servizio (es. EI, CC, VF, CRI). Per una targa estera indicarne la"
          + " nazione.",
      Kind.INVALID_INPUT),
  FOREIGN_PLATE_INVALID(
      "sanctions.plate.foreign-invalid",
      "Targa estera non valida: da 1 a 15 lettere o cifre.",
      Kind.INVALID_INPUT),
  VEHICLE_TYPE_REQUIRED(
      "sanctions.vehicle-type.required",
      "Tipo di veicolo mancante o sconosciuto: uno tra CAR (autovettura), MOTORCYCLE"
          + " (motociclo), MOPED (ciclomotore), TRUCK (autocarro), BUS (autobus), TRAILER"
          + " (rimorchio), AGRICULTURAL (macchina agricola), OTHER (altro).",
      Kind.INVALID_INPUT),
  OFFICER_REQUIRED(
      "sanctions.officer.required",
      "Indicare l'agente accertatore del preavviso.",
      Kind.INVALID_INPUT),
  OFFICER_UNKNOWN(
      "sanctions.officer.unknown",
      "L'agente indicato non è censito tra il personale attivo del comando.",
      Kind.CONFLICT),
  OFFICER_NOT_VISIBLE(
      "sanctions.officer.not-yours",
      "Il proprio profilo consente di registrare solo preavvisi propri o del proprio reparto.",
      Kind.CONFLICT),
  REASON_TOO_LONG(
      "sanctions.reason.too-long", "La motivazione supera i 500 caratteri.", Kind.INVALID_INPUT),
  NOTES_TOO_LONG(
      "sanctions.notes.too-long", "Le note superano i 2.000 caratteri.", Kind.INVALID_INPUT),
  PHOTO_EMPTY("sanctions.photo.empty", "Una foto è vuota o non leggibile.", Kind.INVALID_INPUT),
  PHOTO_ENCODING(
      "sanctions.photo.encoding",
      "Una foto non è codificata in base64: il dispositivo deve reinviarla.",
      Kind.INVALID_INPUT),
  PHOTO_TYPE(
      "sanctions.photo.type",
      "Una foto non è un'immagine JPEG o PNG (il contenuto del file è stato verificato).",
      Kind.INVALID_INPUT),
  PHOTO_TOO_LARGE(
      "sanctions.photo.too-large", "Una foto supera i 2 MB consentiti.", Kind.INVALID_INPUT),
  TOO_MANY_PHOTOS(
      "sanctions.photo.too-many", "Un preavviso può avere al più 6 foto.", Kind.INVALID_INPUT),
  NOT_RECORDED(
      "sanctions.pre-notice.not-recorded",
      "Il preavviso è già stato validato o archiviato: non può essere validato, archiviato né"
          + " corretto.",
      Kind.CONFLICT),
  NOT_ARCHIVED(
      "sanctions.pre-notice.not-archived",
      "Solo un preavviso archiviato può essere ripristinato.",
      Kind.CONFLICT),
  RESTORE_MANAGERS_ONLY(
      "sanctions.pre-notice.restore-managers-only",
      "Solo un responsabile (visibilità su tutto il comando) può ripristinare un preavviso"
          + " archiviato.",
      Kind.CONFLICT),
  REASON_REQUIRED(
      "sanctions.reason.required",
      "Indicare la motivazione (es. «veicolo in emergenza», «targa illeggibile»).",
      Kind.INVALID_INPUT),
  PLATE_UNCHANGED(
      "sanctions.plate.unchanged",
      "La targa corretta è uguale a quella registrata.",
      Kind.INVALID_INPUT),
  NOT_FOUND(
      "sanctions.pre-notice.not-found",
      "Preavviso inesistente o non visibile con il proprio profilo.",
      Kind.CONFLICT),
  READ_ONLY(
      "sanctions.pre-notice.read-only",
      "Il proprio profilo consente di consultare i preavvisi in sola lettura.",
      Kind.CONFLICT),
  NOTHING_SELECTED(
      "sanctions.selection.empty", "Selezionare almeno un preavviso.", Kind.INVALID_INPUT),
  NOT_STORED(
      "sanctions.pre-notice.not-stored",
      "Il preavviso non è stato registrato per un errore temporaneo: reinviarlo con lo stesso"
          + " identificativo.",
      Kind.CONFLICT),
  BATCH_EMPTY("sanctions.batch.empty", "Il lotto non contiene preavvisi.", Kind.INVALID_INPUT),
  BATCH_TOO_LARGE(
      "sanctions.batch.too-large",
      "Il lotto supera i 1000 preavvisi: inviarlo in più parti.",
      Kind.INVALID_INPUT),
  PERIOD_INVALID(
      "sanctions.period.invalid",
      "Periodo non valido: la data iniziale è successiva a quella finale.",
      Kind.INVALID_INPUT),
  DEVICE_FILTER_INVALID(
      "sanctions.device-filter.invalid",
      "Codice del dispositivo non valido: da 2 a 30 caratteri tra lettere, cifre e . _ -.",
      Kind.INVALID_INPUT),
  BLOCK_SIZE_INVALID(
      "sanctions.number-block.size-invalid",
      "Un blocco di numeri di verbale va da 1 a 100 numeri.",
      Kind.INVALID_INPUT),
  BLOCK_UNKNOWN(
      "sanctions.number-block.unknown",
      "Blocco di numeri inesistente o riservato a un altro dispositivo.",
      Kind.CONFLICT),
  BLOCK_NUMBER_UNKNOWN(
      "sanctions.number-block.number-unknown",
      "Il numero di verbale non appartiene a un blocco riservato a questo dispositivo.",
      Kind.CONFLICT),
  BLOCK_NUMBER_USED(
      "sanctions.number-block.number-used",
      "Il numero di verbale è già stato usato per un altro preavviso.",
      Kind.CONFLICT),
  BLOCK_NUMBER_ANNULLED(
      "sanctions.number-block.number-annulled",
      "Il numero di verbale è stato restituito e annullato: non può più essere usato.",
      Kind.CONFLICT);

  private final String code;
  private final String italianMessage;
  private final Kind kind;

  SanctionsRule(String code, String italianMessage, Kind kind) {
    this.code = code;
    this.italianMessage = italianMessage;
    this.kind = kind;
  }

  public String code() {
    return code;
  }

  public String italianMessage() {
    return italianMessage;
  }

  public Kind kind() {
    return kind;
  }
}
