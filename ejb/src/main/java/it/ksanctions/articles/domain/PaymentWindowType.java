package it.ksanctions.articles.domain;

/**
 * The ways a Highway Code fine can be settled, by how long after the contestation or notification
 * the offender pays (arts. 202 and 203 CdS).
 */
public enum PaymentWindowType {
  /** 30% off the minimum, within 5 days (art. 202 c. 1), where the law allows it. */
  REDUCED_30,
  /** The minimum, within 60 days (art. 202 c. 1). */
  MINIMUM,
  /**
   * Half the maximum once the 60 days have passed without payment or appeal: the verbale becomes an
   * enforceable title for that sum (art. 203 c. 3). It has no last day.
   */
  HALF_MAXIMUM
}
