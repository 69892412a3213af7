package it.ksanctions.sanctions.application;

import it.ksanctions.permissions.application.StaffProfile;
import it.ksanctions.permissions.domain.RecordOwnership;
import it.ksanctions.permissions.domain.RecordVisibility;
import it.ksanctions.permissions.domain.Viewer;
import it.ksanctions.sanctions.domain.SanctionsRule;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import java.util.Map;

/**
 * PRM-6 for pre-notices: the visibility scope of the viewer's role (the profile carries it, from
 * {@code StaffDirectory.policyOf}) as a condition of the query, so that a list never loads what the
 * viewer may not see, and as {@link RecordVisibility} for one record — the same rules twice:
 * officers their own pre-notices, instructors their department's, managers all, auditors all
 * read-only.
 */
final class PreNoticeVisibility {

  /** A JPQL condition on the pre-notice alias and its parameters. */
  record Condition(String jpql, Map<String, Object> parameters) {}

  private PreNoticeVisibility() {}

  /**
   * The condition that keeps the rows of {@code alias} (a {@code PreNoticeRow}) {@code viewer}
   * sees.
   */
  static Condition of(StaffProfile viewer, String alias) {
    return switch (viewer.scope()) {
      case OWN_RECORDS ->
          new Condition(alias + ".officer = :viewer", Map.of("viewer", viewer.username()));
      case OWN_DEPARTMENT ->
          viewer.departmentId() == null
              ? new Condition("1 = 0", Map.of())
              : new Condition(
                  alias + ".department = :viewerDepartment",
                  Map.of("viewerDepartment", viewer.departmentId()));
      case WHOLE_COMMAND, READ_ONLY_NO_EXPORT -> new Condition("1 = 1", Map.of());
    };
  }

  /** What {@code viewer} may do with a record owned as {@code record} says. */
  static RecordVisibility of(StaffProfile viewer, RecordOwnership record) {
    return RecordVisibility.of(
        viewer.scope(), new Viewer(viewer.username(), viewer.departmentId()), record);
  }

  /**
   * The record if {@code viewer} sees it; a hidden record is told apart from a missing one by
   * nobody.
   */
  static RecordVisibility requireVisible(StaffProfile viewer, RecordOwnership record, String id) {
    RecordVisibility visibility = of(viewer, record);
    if (!visibility.canSee()) {
      throw new SanctionsRuleException(SanctionsRule.NOT_FOUND, id);
    }
    return visibility;
  }

  /** The record if {@code viewer} may change it (seen, and not read-only). */
  static void requireChangeable(StaffProfile viewer, RecordOwnership record, String id) {
    if (!requireVisible(viewer, record, id).canExport()) {
      throw new SanctionsRuleException(SanctionsRule.READ_ONLY, id);
    }
  }
}
