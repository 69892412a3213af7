package it.ksanctions.portal.domain;

import java.util.Optional;

/**
 * What a citizen asks the command for on the portal about an act (a verbale). Formal appeals (arts.
 * 203, 204-bis CdS) and driver identification (art. 126-bis CdS) have a term counted from the
 * notification, see {@link RequestTerms}; the others can be sent at any time.
 */
public enum RequestKind {

  /** Appeal to the Prefetto (arts. 203–204 CdS): 60 days from notification, act not paid. */
  PREFETTO_APPEAL(
      "Ricorso al Prefetto",
      true,
      "Con la presentazione del ricorso al Prefetto non è più possibile pagare l'importo ridotto:"
          + " il comando trasmette il ricorso e le proprie deduzioni al Prefetto entro 60 giorni"
          + " e il Prefetto decide entro 120 giorni."),

  /**
   * Self-protection request (autotutela): the command is asked to annul its own act. Not a formal
   * appeal: it may be sent at any time and does not suspend any term.
   */
  SELF_PROTECTION(
      "Istanza di annullamento in autotutela",
      false,
      "L'istanza in autotutela non è un ricorso e non sospende i termini: i termini per pagare e"
          + " per presentare ricorso al Prefetto o al Giudice di Pace continuano a decorrere dalla"
          + " notifica del verbale."),

  /**
   * Appeal to the Giudice di Pace (art. 204-bis CdS): filed with the court, outside the product;
   * the citizen registers here that they filed it. 30 days from notification, 60 when the recipient
   * resides abroad.
   */
  JUSTICE_OF_PEACE_APPEAL(
      "Ricorso al Giudice di Pace",
      true,
      "Il ricorso si deposita presso la cancelleria del Giudice di Pace: qui si comunica soltanto"
          + " di averlo presentato. Da quel momento non è più possibile pagare l'importo ridotto."),

  /** The owner names who was driving (art. 126-bis CdS): 60 days from notification. */
  DRIVER_IDENTIFICATION("Comunicazione dei dati del conducente", false, null),

  /** The owner contests being the owner: the vehicle had changed hands. No term. */
  OWNERSHIP_CHANGE("Segnalazione di cambio di proprietà del veicolo", false, null),

  /** The plate on the act is not the citizen's vehicle. No term. */
  WRONG_PLATE("Segnalazione di targa errata", false, null),

  /** Any other communication to the command. No term. */
  OTHER_COMMUNICATION("Altra comunicazione al comando", false, null);

  private final String label;
  private final boolean lapsesReducedPayment;
  private final String italianNote;

  RequestKind(String label, boolean lapsesReducedPayment, String italianNote) {
    this.label = label;
    this.lapsesReducedPayment = lapsesReducedPayment;
    this.italianNote = italianNote;
  }

  /** The Italian name the citizen and the officer read. */
  public String label() {
    return label;
  }

  /**
   * Whether filing this request ends the right to pay the reduced amount (art. 202 CdS): true for
   * the appeals to the Prefetto and to the Giudice di Pace. The payment side reads this.
   */
  public boolean lapsesReducedPayment() {
    return lapsesReducedPayment;
  }

  /** Whether a term counted from the notification of the act runs for this request. */
  public boolean hasTermFromNotification() {
    return this == PREFETTO_APPEAL
        || this == JUSTICE_OF_PEACE_APPEAL
        || this == DRIVER_IDENTIFICATION;
  }

  /** Whether this is a formal appeal (to the Prefetto or to the Giudice di Pace). */
  public boolean isAppeal() {
    return this == PREFETTO_APPEAL || this == JUSTICE_OF_PEACE_APPEAL;
  }

  /** An Italian note shown to the citizen before sending, when the request needs one. */
  public Optional<String> italianNote() {
    return Optional.ofNullable(italianNote);
  }
}
