package it.ksanctions.sanctions.application;

import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.VisibilityScope;

/**
 * PRM-6 for the detections of automatic devices (ADR 0007): a camera's detection belongs to no
 * officer and to no department — it is the command's review queue. An officer, who sees only the
 * records they made, sees no detection; the instructors, the managers and the auditors see them all
 * (what each may do with one is their role's permissions: an auditor only reads).
 */
final class DetectionVisibility {

  private DetectionVisibility() {}

  static boolean sees(StaffProfile viewer) {
    return viewer.scope() != VisibilityScope.OWN_RECORDS;
  }
}
