package it.ksanctions.payments.domain;

/**
 * What reconciliation made of a receipt (issue 15 item 6). Everything but {@link #APPLIED} is an
 * anomaly the office sees under Pagamenti. Constant names are stored: never rename them.
 */
public enum ReceiptOutcome {
  APPLIED("Pagamento regolare", false),
  PARTIAL("Importo inferiore al dovuto: resta un residuo", true),
  LATE_REDUCED("Pagato il ridotto oltre i 5 giorni: resta un residuo", true),
  OVERPAID("Importo superiore al dovuto: eccedenza da rimborsare", true),
  DUPLICATE("Pagamento doppio: da rimborsare", true),
  ANNULLED_ACT("Pagamento di un verbale annullato: da rimborsare", true),
  UNKNOWN_IUV("IUV sconosciuto: nessun verbale corrisponde", true);

  private final String italianLabel;
  private final boolean anomaly;

  ReceiptOutcome(String italianLabel, boolean anomaly) {
    this.italianLabel = italianLabel;
    this.anomaly = anomaly;
  }

  public String italianLabel() {
    return italianLabel;
  }

  public boolean anomaly() {
    return anomaly;
  }
}
