package it.ksanctions.permissions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The visibility policy of one role (PRM-6): which records its users see, by {@link
 * VisibilityScope}. Predefined roles start from {@link PredefinedRole#defaultVisibility()}; derived
 * roles from the policy of the role they were duplicated from.
 *
 * <p>A policy change is an access-policy change, so it needs the administrator's explicit
 * confirmation and a reason, and it is recorded in the security history (PRM-7, PRM-8). The auditor
 * role stays read-only without export whatever is asked: PRM-2 defines the auditor as read-only, so
 * widening it would make it another role under the same name.
 */
public final class VisibilityPolicy {

  private final String roleCode;
  private VisibilityScope scope;
  private final List<SecurityHistoryEntry> recordedChanges = new ArrayList<>();

  public VisibilityPolicy(String roleCode, VisibilityScope scope) {
    this.roleCode = Objects.requireNonNull(roleCode, "roleCode");
    this.scope = Objects.requireNonNull(scope, "scope");
    requireAllowed(scope);
  }

  public static VisibilityPolicy defaultFor(PredefinedRole role) {
    return new VisibilityPolicy(role.code(), role.defaultVisibility());
  }

  /**
   * @throws UnconfirmedSecurityChangeException without explicit confirmation
   * @throws ChangeWithoutEffectException when the scope is the current one
   * @throws InvalidVisibilityScopeException when the auditor role would lose read-only
   */
  public SecurityHistoryEntry changeScope(VisibilityScope newScope, SecurityChangeRequest request) {
    Objects.requireNonNull(newScope, "newScope");
    request.requireExplicitConfirmation("the visibility policy of role " + roleCode);
    if (newScope == scope) {
      throw new ChangeWithoutEffectException(
          "The visibility policy of role " + roleCode + " is already " + scope);
    }
    requireAllowed(newScope);
    SecurityHistoryEntry entry =
        SecurityHistoryEntry.of(
            request,
            SecuritySubject.visibilityPolicy(roleCode),
            SecurityChangeKind.VISIBILITY_SCOPE_CHANGED,
            scope.name(),
            newScope.name());
    scope = newScope;
    recordedChanges.add(entry);
    return entry;
  }

  /** The decision for one record seen by one user of this role. */
  public RecordVisibility visibilityOf(Viewer viewer, RecordOwnership record) {
    return RecordVisibility.of(scope, viewer, record);
  }

  private void requireAllowed(VisibilityScope candidate) {
    if (PredefinedRole.AUDITOR.code().equals(roleCode)
        && candidate != VisibilityScope.READ_ONLY_NO_EXPORT) {
      throw new InvalidVisibilityScopeException(
          "The auditor role sees records read-only and without export; it cannot have "
              + candidate);
    }
  }

  public String roleCode() {
    return roleCode;
  }

  public VisibilityScope scope() {
    return scope;
  }

  public List<SecurityHistoryEntry> recordedChanges() {
    return List.copyOf(recordedChanges);
  }
}
