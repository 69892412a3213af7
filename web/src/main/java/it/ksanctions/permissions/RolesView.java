package it.ksanctions.permissions;

import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.RoleView;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.Permission;
import it.ksanctions.permissions.domain.VisibilityScope;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Roles and the permission matrix (PRM-2, PRM-3, PRM-6): predefined roles are shown read-only and
 * can be duplicated; a derived role's row of the matrix and its visibility change only after the
 * changes have been reviewed, explicitly confirmed and given a reason.
 */
@Named
@ViewScoped
public class RolesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PermissionsAdministration administration;

  private List<RoleView> roles = List.of();
  private String selected;
  private Map<String, Boolean> grants = new HashMap<>();
  private String scope;
  private List<String> pendingChanges = List.of();
  private String reason;
  private boolean confirmed;

  private String sourceCode;
  private String newCode;
  private String newName;
  private String duplicateReason;

  @PostConstruct
  void load() {
    List<RoleView> found = Feedback.attempt(() -> administration.roles(), null);
    roles = found == null ? List.of() : found;
  }

  public void select(String code) {
    selected = code;
    RoleView role = current();
    grants = new HashMap<>();
    for (AppModule m : AppModule.values()) {
      for (AppAction a : AppAction.values()) {
        grants.put(key(m, a), role != null && role.permissions().allows(m, a));
      }
    }
    scope = role == null ? null : role.scope().name();
    pendingChanges = List.of();
    reason = null;
    confirmed = false;
  }

  /** First step of a change: list what would change, for the explicit confirmation. */
  public void review() {
    RoleView role = current();
    if (role == null) {
      return;
    }
    List<String> changes = new ArrayList<>();
    for (AppModule m : AppModule.values()) {
      for (AppAction a : AppAction.values()) {
        boolean now = role.permissions().allows(m, a);
        boolean wanted = Boolean.TRUE.equals(grants.get(key(m, a)));
        if (now != wanted) {
          changes.add(
              (wanted ? "Concede " : "Revoca ")
                  + "«"
                  + a.italianLabel()
                  + "» nel modulo «"
                  + m.italianLabel()
                  + "»");
        }
      }
    }
    if (scope != null && !scope.equals(role.scope().name())) {
      changes.add(
          "Visibilità: da «"
              + role.scope().italianLabel()
              + "» a «"
              + VisibilityScope.valueOf(scope).italianLabel()
              + "»");
    }
    if (changes.isEmpty()) {
      Feedback.error("Nessuna modifica da applicare.");
    }
    pendingChanges = changes;
  }

  /** Second step: apply the reviewed changes, confirmed and with a reason. */
  public void apply() {
    RoleView role = current();
    if (role == null || pendingChanges.isEmpty()) {
      Feedback.error("Rivedere le modifiche prima di applicarle.");
      return;
    }
    if (!confirmed) {
      Feedback.error("Confermare esplicitamente la modifica.");
      return;
    }
    List<Permission> wanted = new ArrayList<>();
    grants.forEach(
        (k, v) -> {
          if (Boolean.TRUE.equals(v)) {
            wanted.add(Permission.parse(k));
          }
        });
    boolean permissionsChanged =
        !role.permissions().asSet().equals(new java.util.HashSet<>(wanted));
    boolean scopeChanged = scope != null && !scope.equals(role.scope().name());
    boolean ok =
        Feedback.attempt(
            () -> {
              if (permissionsChanged) {
                administration.changePermissions(role.code(), wanted, reason, confirmed);
              }
              if (scopeChanged) {
                administration.changeVisibility(
                    role.code(), VisibilityScope.valueOf(scope), reason, confirmed);
              }
            },
            "Ruolo " + role.code() + " aggiornato; la modifica è registrata nello storico.");
    if (ok) {
      load();
      select(role.code());
    }
  }

  public void cancel() {
    select(selected);
  }

  public void duplicate() {
    RoleView copy =
        Feedback.attempt(
            () -> administration.duplicateRole(sourceCode, newCode, newName, duplicateReason),
            "Ruolo " + (newCode == null ? "" : newCode.strip().toUpperCase()) + " creato.");
    if (copy != null) {
      sourceCode = newCode = newName = duplicateReason = null;
      load();
      select(copy.code());
    }
  }

  public void delete() {
    RoleView role = current();
    if (role == null) {
      return;
    }
    if (!confirmed) {
      Feedback.error("Confermare esplicitamente l'eliminazione.");
      return;
    }
    if (Feedback.attempt(
        () -> administration.deleteRole(role.code(), reason, confirmed),
        "Ruolo " + role.code() + " eliminato.")) {
      selected = null;
      load();
    }
  }

  public RoleView current() {
    return roles.stream().filter(r -> r.code().equals(selected)).findFirst().orElse(null);
  }

  static String key(AppModule module, AppAction action) {
    return Permission.of(module, action).code();
  }

  public String key(String module, String action) {
    return key(AppModule.valueOf(module), AppAction.valueOf(action));
  }

  public AppModule[] getModules() {
    return AppModule.values();
  }

  public AppAction[] getActions() {
    return AppAction.values();
  }

  public VisibilityScope[] getScopes() {
    return VisibilityScope.values();
  }

  public List<RoleView> getRoles() {
    return roles;
  }

  public List<RoleView> getActiveRoles() {
    return roles.stream().filter(r -> !r.deleted()).toList();
  }

  public String getSelected() {
    return selected;
  }

  public Map<String, Boolean> getGrants() {
    return grants;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public List<String> getPendingChanges() {
    return pendingChanges;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public void setConfirmed(boolean confirmed) {
    this.confirmed = confirmed;
  }

  public String getSourceCode() {
    return sourceCode;
  }

  public void setSourceCode(String sourceCode) {
    this.sourceCode = sourceCode;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getDuplicateReason() {
    return duplicateReason;
  }

  public void setDuplicateReason(String duplicateReason) {
    this.duplicateReason = duplicateReason;
  }
}
