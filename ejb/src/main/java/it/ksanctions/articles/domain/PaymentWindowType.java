package it.ksanctions.articles.domain;

/**
 * The ways a fine can be settled, by how long after the contestation or notification the offender
 * pays: arts. 202 and 203 CdS for Highway Code articles; for local regulations and ordinances (SPEC
 * ART-5) only {@link #MINIMUM}, read as the payment in reduced measure of art. 16 L. 689/1981 (ADR
 * 0004). The names are part of the REST contract and stay as they are.
 */
public enum PaymentWindowType {
  /**
   * 30% off the minimum, within 5 days (art. 202 c. 1 CdS), where the law allows it. Highway Code
   * articles only.
   */
  REDUCED_30,
  /**
   * Within 60 days: the minimum of a Highway Code article (art. 202 c. 1 CdS); for a local
   * regulation, the payment in reduced measure of art. 16 L. 689/1981 (the Giunta's amount, or the
   * lower of one third of the maximum and double the minimum).
   */
  MINIMUM,
  /**
   * Half the maximum once the 60 days have passed without payment or appeal: the verbale becomes an
   * enforceable title for that sum (art. 203 c. 3 CdS). It has no last day. Highway Code articles
   * only: for a local regulation the sum after 60 days is set by an ordinanza-ingiunzione (art. 18
   * L. 689/1981), not by the catalogue.
   */
  HALF_MAXIMUM
}
