package it.ksanctions.places.domain;

/** The rules of the Places context (PLC-6, PLC-8), each with a stable code for messages. */
public enum PlaceRule {
  COORDINATES_REQUIRED("places.coordinates.required", "Le coordinate sono obbligatorie."),
  COORDINATES_OUT_OF_RANGE(
      "places.coordinates.out-of-range",
      "Coordinate non valide: latitudine tra -90 e 90, longitudine tra -180 e 180 (WGS84)."),
  COORDINATES_TOO_PRECISE(
      "places.coordinates.too-precise", "Coordinate con più di 7 decimali (oltre il centimetro)."),
  NAME_REQUIRED("places.name.required", "Il nome ufficiale è obbligatorio."),
  CODE_INVALID(
      "places.code.invalid",
      "Codice interno non valido: da 2 a 30 caratteri tra lettere maiuscole, cifre, . _ -"),
  CATEGORY_REQUIRED("places.category.required", "La categoria è obbligatoria."),
  PARENT_LEVEL(
      "places.hierarchy.parent-level",
      "Gerarchia non valida: comune, area, zona, luogo — ciascuno dentro il livello superiore."),
  NAME_TAKEN(
      "places.name.taken",
      "Esiste già un luogo attivo con questo nome nella stessa zona e categoria."),
  DUPLICATE_POSITION(
      "places.position.duplicate",
      "Esiste già un luogo con lo stesso nome e le stesse coordinate."),
  AUTOMATIC_POINT_INCOMPLETE(
      "places.automatic.incomplete",
      "Un punto di rilevazione automatica richiede codice, coordinate e la regola applicata."),
  RULE_INVALID(
      "places.rule.invalid",
      "Regola non valida: limite di velocità tra 5 e 150 km/h, fascia oraria con inizio e fine."),
  INACTIVE("places.inactive", "Il luogo è disattivato: non si modifica più."),
  IN_USE(
      "places.in-use",
      "Il luogo è collegato a dispositivi, preavvisi, verbali o servizi: si può solo disattivare."),
  NO_CHANGE("places.no-change", "Nessuna modifica: i dati sono già questi."),
  REASON_REQUIRED("places.reason.required", "Indicare la motivazione.");

  private final String code;
  private final String italianMessage;

  PlaceRule(String code, String italianMessage) {
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
