package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.PermissionSet;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.domain.VisibilityScope;

/** A signed-in staff user as authorisation sees them: primary role, its permissions and scope. */
public record StaffProfile(
    String username,
    String fullName,
    String roleCode,
    String roleName,
    PermissionSet permissions,
    VisibilityScope scope,
    String departmentId,
    UserStatus status) {

  public boolean allows(AppModule module, AppAction action) {
    if (action != AppAction.ACCESS && !permissions.allows(module, AppAction.ACCESS)) {
      return false;
    }
    if (action == AppAction.EXPORT_NOTIFY && !scope.allowsExport()) {
      return false;
    }
    return permissions.allows(module, action);
  }
}
