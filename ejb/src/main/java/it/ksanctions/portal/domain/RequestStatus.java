package it.ksanctions.portal.domain;

/**
 * Where a citizen's request stands; {@link CitizenRequestWorkflow} says which moves are allowed.
 * {@link #UPHELD} and {@link #DISMISSED} are the outcome of an appeal (the Prefetto's decision, or
 * the Giudice di Pace's judgment recorded by the office): upheld means the citizen won.
 */
public enum RequestStatus {
  RECEIVED(
      "Ricevuta", "La Sua richiesta è stata ricevuta dal comando e sarà esaminata al più presto."),
  IN_REVIEW(
      "In esame",
      "La Sua richiesta è in esame presso il comando: riceverà una comunicazione al termine."),
  ACCEPTED(
      "Accolta",
      "La Sua richiesta è stata accolta dal comando. I dettagli sono disponibili sul portale."),
  REJECTED(
      "Respinta",
      "La Sua richiesta è stata respinta dal comando. La motivazione è indicata sul portale."),
  FORWARDED_TO_PREFETTO(
      "Trasmesso al Prefetto",
      "Il Suo ricorso è stato trasmesso al Prefetto con le deduzioni del comando: il Prefetto"
          + " decide entro 120 giorni."),
  REGISTERED(
      "Registrato",
      "Abbiamo registrato che Lei ha presentato ricorso al Giudice di Pace: da ora non è più"
          + " possibile pagare l'importo ridotto. L'esito sarà registrato dal comando."),
  UPHELD(
      "Ricorso accolto",
      "Il Suo ricorso è stato accolto: il verbale è annullato e non deve pagare alcuna somma."),
  DISMISSED(
      "Ricorso respinto",
      "Il Suo ricorso è stato respinto. Riceverà il provvedimento con l'importo da pagare e i"
          + " termini per farlo.");

  private final String label;
  private final String citizenEmailSentence;

  RequestStatus(String label, String citizenEmailSentence) {
    this.label = label;
    this.citizenEmailSentence = citizenEmailSentence;
  }

  /** The Italian name the citizen and the officer read. */
  public String label() {
    return label;
  }

  /** The Italian sentence of the e-mail that tells the citizen the request reached this status. */
  public String citizenEmailSentence() {
    return citizenEmailSentence;
  }

  /** Whether no move leaves this status. */
  public boolean isFinal() {
    return this == ACCEPTED || this == REJECTED || this == UPHELD || this == DISMISSED;
  }
}
