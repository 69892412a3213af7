package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.permissions.domain.UserStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who is acting in this request, for the current tenant. The web layer signs the authenticated
 * caller in (back-office filter, REST filter) after it has checked that the caller belongs to the
 * tenant; the profile is loaded once per request from the tenant's Permissions tables.
 */
@RequestScoped
public class CurrentStaff {

  @Inject StaffDirectory directory;

  private String username;
  private Optional<StaffProfile> profile;

  public void signIn(String username) {
    this.username = username;
    this.profile = null;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The signed-in user's profile; empty when nobody is signed in or they are not staff here. */
  public Optional<StaffProfile> profile() {
    if (username == null) {
      return Optional.empty();
    }
    if (profile == null) {
      profile = directory.profileOf(username);
      if (profile.isEmpty() && directory.bootstrapFirstAdministrator(username)) {
        profile = directory.profileOf(username);
      }
    }
    return profile;
  }

  public boolean allows(AppModule module, AppAction action) {
    return profile()
        .filter(p -> p.status() == UserStatus.ACTIVE)
        .map(p -> p.allows(module, action))
        .orElse(false);
  }

  /** The active profile of the signed-in user, or {@link AccessDeniedException}. */
  public StaffProfile requireActive() {
    if (username == null) {
      throw AccessDeniedException.notSignedIn();
    }
    StaffProfile p = profile().orElseThrow(() -> AccessDeniedException.noProfile(username));
    if (p.status() != UserStatus.ACTIVE) {
      throw AccessDeniedException.inactive(username, p.status());
    }
    return p;
  }

  public StaffProfile require(AppModule module, AppAction action) {
    StaffProfile p = requireActive();
    if (!p.allows(module, action)) {
      throw AccessDeniedException.notGranted(p.roleName(), module, action);
    }
    return p;
  }
}
