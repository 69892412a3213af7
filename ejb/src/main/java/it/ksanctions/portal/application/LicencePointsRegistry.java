package it.ksanctions.portal.application;

import java.time.LocalDate;

/**
 * The port to the national registry of driving licences (issue 16 item 6): the points deducted from
 * the driver the owner named (art. 126-bis CdS), once the office has validated the naming.
 */
public interface LicencePointsRegistry {

  /** A deduction to communicate. */
  record Deduction(
      long verbaleId,
      long requestId,
      String driverTaxCode,
      String driverName,
      String licenceNumber,
      String licenceCategory,
      int points,
      boolean doubled,
      LocalDate violationDay,
      String by) {}

  /** Communicates the deduction; the same request communicated twice is one deduction. */
  void communicate(Deduction deduction);
}
