package it.ksanctions.permissions;

import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.CreatedUser;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.permissions.application.PermissionsAdministration.RoleView;
import it.ksanctions.permissions.application.PermissionsAdministration.UserView;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** Users of the command (PRM-1, PRM-7): search, create, change role, suspend, deactivate. */
@Named
@ViewScoped
public class UsersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PermissionsAdministration administration;

  private String text;
  private UserStatus status;
  private List<UserView> users = List.of();
  private List<RoleView> roles = List.of();

  // New user form; the request key makes a double submission create one user.
  private String requestKey = UUID.randomUUID().toString();
  private String username;
  private String givenName;
  private String surname;
  private String codiceFiscale;
  private String email;
  private String departmentId;
  private String roleCode;
  private CreatedUser created;

  // Change of the selected user: target status or role, reason, explicit confirmation.
  private String selected;
  private String targetStatus;
  private String targetRole;
  private String reason;
  private boolean confirmed;

  @PostConstruct
  void load() {
    search();
    List<RoleView> found = Feedback.attempt(() -> administration.roles(), null);
    roles = found == null ? List.of() : found.stream().filter(r -> !r.deleted()).toList();
  }

  public void search() {
    List<UserView> found = Feedback.attempt(() -> administration.users(text, status), null);
    users = found == null ? List.of() : found;
  }

  public void create() {
    NewUser input =
        new NewUser(username, givenName, surname, codiceFiscale, email, departmentId, roleCode);
    CreatedUser result = Feedback.attempt(() -> administration.createUser(input, requestKey), null);
    if (result != null) {
      created = result;
      Feedback.info(
          "Utente "
              + result.user().username()
              + " creato"
              + (result.temporaryPassword() == null
                  ? " (richiesta già eseguita)."
                  : ": consegnare la password temporanea, da cambiare al primo accesso."));
      requestKey = UUID.randomUUID().toString();
      username = givenName = surname = codiceFiscale = email = departmentId = roleCode = null;
      search();
    }
  }

  public void select(String username) {
    selected = username;
    targetStatus = null;
    targetRole = null;
    reason = null;
    confirmed = false;
  }

  public void applyStatus() {
    if (!requireConfirmation()) {
      return;
    }
    UserStatus target = targetStatus == null ? null : UserStatus.valueOf(targetStatus);
    if (target == null) {
      Feedback.error("Scegliere il nuovo stato.");
      return;
    }
    if (Feedback.attempt(
            () -> administration.changeStatus(selected, target, reason),
            "Stato dell'utente " + selected + " aggiornato: " + target.italianLabel() + ".")
        != null) {
      selected = null;
      search();
    }
  }

  public void applyRole() {
    if (!requireConfirmation()) {
      return;
    }
    if (Feedback.attempt(
            () -> administration.changePrimaryRole(selected, targetRole, reason, confirmed),
            "Ruolo dell'utente " + selected + " aggiornato.")
        != null) {
      selected = null;
      search();
    }
  }

  private boolean requireConfirmation() {
    if (selected == null) {
      Feedback.error("Selezionare un utente.");
      return false;
    }
    if (!confirmed) {
      Feedback.error("Confermare esplicitamente la modifica.");
      return false;
    }
    return true;
  }

  public UserStatus[] getStatuses() {
    return UserStatus.values();
  }

  public List<UserView> getUsers() {
    return users;
  }

  public List<RoleView> getRoles() {
    return roles;
  }

  public CreatedUser getCreated() {
    return created;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public UserStatus getStatus() {
    return status;
  }

  public void setStatus(UserStatus status) {
    this.status = status;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String givenName) {
    this.givenName = givenName;
  }

  public String getSurname() {
    return surname;
  }

  public void setSurname(String surname) {
    this.surname = surname;
  }

  public String getCodiceFiscale() {
    return codiceFiscale;
  }

  public void setCodiceFiscale(String codiceFiscale) {
    this.codiceFiscale = codiceFiscale;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDepartmentId() {
    return departmentId;
  }

  public void setDepartmentId(String departmentId) {
    this.departmentId = departmentId;
  }

  public String getRoleCode() {
    return roleCode;
  }

  public void setRoleCode(String roleCode) {
    this.roleCode = roleCode;
  }

  public String getSelected() {
    return selected;
  }

  public String getTargetStatus() {
    return targetStatus;
  }

  public void setTargetStatus(String targetStatus) {
    this.targetStatus = targetStatus;
  }

  public String getTargetRole() {
    return targetRole;
  }

  public void setTargetRole(String targetRole) {
    this.targetRole = targetRole;
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
}
