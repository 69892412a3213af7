package it.ksanctions.articles.domain;

/**
 * Accessory administrative sanctions an article may carry (SPEC ART-1: withdrawal, suspension,
 * seizure, administrative stop, confiscation).
 *
 * <p>Only two of them matter for the amounts: art. 202 c. 1 CdS denies the 30% reduction for
 * payment within 5 days to violations that carry vehicle confiscation or licence suspension. The
 * others (seizure, administrative stop, document withdrawal) leave the reduction in place, since
 * the law names only those two.
 */
public enum AccessorySanction {
  /** Sospensione della patente di guida. */
  LICENCE_SUSPENSION(true),
  /** Confisca del veicolo. */
  VEHICLE_CONFISCATION(true),
  /** Sequestro del veicolo. */
  VEHICLE_SEIZURE(false),
  /** Fermo amministrativo del veicolo. */
  ADMINISTRATIVE_STOP(false),
  /** Ritiro di un documento (patente, carta di circolazione). */
  DOCUMENT_WITHDRAWAL(false),
  /**
   * Sospensione del veicolo dalla circolazione (e.g. art. 80 c. 14 CdS, revisione omessa: annotata
   * sulla carta di circolazione fino alla revisione).
   */
  CIRCULATION_SUSPENSION(false);

  private final boolean excludesReducedPayment;

  AccessorySanction(boolean excludesReducedPayment) {
    this.excludesReducedPayment = excludesReducedPayment;
  }

  /** Whether this sanction removes the 30% reduction of art. 202 c. 1. */
  public boolean excludesReducedPayment() {
    return excludesReducedPayment;
  }
}
