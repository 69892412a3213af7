package it.ksanctions.command.domain;

/**
 * An anomaly of the command's configuration (CMD-8): what is wrong, in Italian, and whether it is
 * serious enough to block the issuing of new verbali until it is resolved (CMD-7).
 */
public record CommandAnomaly(Kind kind, boolean blocking, String italianMessage) {

  /** The anomalies of seed 001 §11.4 "Errori e anomalie", plus an incomplete registry. */
  public enum Kind {
    REGISTRY_INCOMPLETE,
    CHAPTER_CODE_INVALID,
    CHAPTER_CODE_DUPLICATE,
    ALLOCATION_PERCENTAGES,
    ALLOCATION_MISSING,
    FEE_OVERLAP,
    FEE_CHANNEL_MISSING,
    PAGOPA_CONNECTION_FAILED,
    PEC_CONNECTION_FAILED,
    SIGNATURE_EXPIRED,
    SIGNATURE_EXPIRING
  }
}
