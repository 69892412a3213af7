package it.ksanctions.command;

import it.ksanctions.command.application.FunctionalRoles;
import it.ksanctions.command.domain.FunctionalRole;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The functional roles of the Organizzazione page (CMD-5): their table, the form (new or change of
 * the description of the row chosen) with an optional administrative reference that the
 * configuration register keeps with the change, and the active roles an assignment may name.
 */
@Named
@ViewScoped
public class OrganisationRolesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject FunctionalRoles service;
  @Inject Event<OrganisationViewReload> pageReload;

  private List<FunctionalRole> roles = List.of();

  private String roleEditing;
  private String roleName;
  private String roleDescription;
  private String roleReference;

  @PostConstruct
  void load() {
    roles = orEmpty(Feedback.attempt(service::functionalRoles, null));
  }

  void reload(@Observes(notifyObserver = Reception.IF_EXISTS) OrganisationViewReload page) {
    load();
  }

  /** Runs a change and shows its outcome; the service's value is not needed. */
  private static boolean run(Runnable change, String successMessage) {
    return Feedback.attempt(change, successMessage);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  public void editRole(String name) {
    roles.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .ifPresent(
            r -> {
              roleEditing = r.name();
              roleName = r.name();
              roleDescription = r.description();
            });
  }

  public void newRole() {
    roleEditing = roleName = roleDescription = roleReference = null;
  }

  public void saveRole() {
    boolean creating = roleEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                service.createFunctionalRole(roleName, roleDescription, roleReference);
              } else {
                service.changeFunctionalRole(roleEditing, roleDescription, roleReference);
              }
            },
            creating ? "Ruolo funzionale creato." : "Ruolo funzionale aggiornato.");
    if (done) {
      newRole();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void deactivateRole(String name) {
    if (run(
        () -> service.deactivateFunctionalRole(name, roleReference),
        "Ruolo funzionale «" + name + "» disattivato.")) {
      newRole();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void reactivateRole(String name) {
    if (run(
        () -> service.reactivateFunctionalRole(name, roleReference),
        "Ruolo funzionale «" + name + "» riattivato.")) {
      pageReload.fire(new OrganisationViewReload());
    }
  }

  // ---------------------------------------------------------------- page data

  public List<FunctionalRole> getRoles() {
    return roles;
  }

  /** The active roles: the choices of an assignment. */
  public List<FunctionalRole> getActiveRoles() {
    return roles.stream().filter(FunctionalRole::active).toList();
  }

  // ---------------------------------------------------------------- form fields

  public boolean isRoleCreating() {
    return roleEditing == null;
  }

  public String getRoleEditing() {
    return roleEditing;
  }

  public String getRoleName() {
    return roleName;
  }

  public void setRoleName(String v) {
    roleName = v;
  }

  public String getRoleDescription() {
    return roleDescription;
  }

  public void setRoleDescription(String v) {
    roleDescription = v;
  }

  public String getRoleReference() {
    return roleReference;
  }

  public void setRoleReference(String v) {
    roleReference = v;
  }
}
