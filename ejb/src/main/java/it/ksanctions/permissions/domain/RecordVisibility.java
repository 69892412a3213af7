package it.ksanctions.permissions.domain;

/**
 * What a visibility policy lets a user do with one record (PRM-6). Permissions still decide which
 * actions the user may take on a visible record; this only narrows them.
 */
public enum RecordVisibility {
  /** The record is not shown at all. */
  HIDDEN(false, false),
  /** Shown, never exported nor changed: the auditors' policy. */
  READ_ONLY(true, false),
  /** Shown, and exported or changed if the user's permissions allow it. */
  VISIBLE(true, true);

  private final boolean canSee;
  private final boolean canExport;

  RecordVisibility(boolean canSee, boolean canExport) {
    this.canSee = canSee;
    this.canExport = canExport;
  }

  public boolean canSee() {
    return canSee;
  }

  /** Whether the policy allows exporting (the EXPORT_NOTIFY permission is needed as well). */
  public boolean canExport() {
    return canExport;
  }

  /**
   * The decision of PRM-6 for one record: under {@code scope}, may {@code viewer} see and export a
   * record owned as {@code record} says? A pure function, so list queries and single-record checks
   * can share it (the query layer translates the same rules into filters).
   */
  public static RecordVisibility of(VisibilityScope scope, Viewer viewer, RecordOwnership record) {
    boolean visible =
        switch (scope) {
          case OWN_RECORDS -> viewer.username().equals(record.ownerUsername());
          case OWN_DEPARTMENT ->
              viewer.departmentId() != null && viewer.departmentId().equals(record.departmentId());
          case WHOLE_COMMAND, READ_ONLY_NO_EXPORT -> true;
        };
    if (!visible) {
      return HIDDEN;
    }
    return scope.allowsExport() ? VISIBLE : READ_ONLY;
  }
}
