package it.ksanctions.permissions.application;

import it.ksanctions.identity.application.TenantIdentities;
import it.ksanctions.permissions.domain.PermissionSet;
import it.ksanctions.permissions.domain.PredefinedRole;
import it.ksanctions.permissions.domain.Role;
import it.ksanctions.permissions.domain.RoleCatalogue;
import it.ksanctions.permissions.domain.SecurityChangeRequest;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UnknownRoleException;
import it.ksanctions.permissions.domain.VisibilityPolicy;
import it.ksanctions.permissions.domain.VisibilityScope;
import it.ksanctions.permissions.infrastructure.SecurityHistoryRow;
import it.ksanctions.permissions.infrastructure.StaffRoleRow;
import it.ksanctions.permissions.infrastructure.StaffUserRow;
import it.ksanctions.permissions.infrastructure.VisibilityPolicyRow;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The current tenant's staff as the platform sees them, without authorisation checks: profiles for
 * sign-in, the last access, the role catalogue, and the first System administrator recorded at
 * onboarding. Administration by users goes through {@link PermissionsAdministration}.
 */
@ApplicationScoped
public class StaffDirectory {

  /** The department of the command as a whole, until the Command module defines departments. */
  public static final String WHOLE_COMMAND_DEPARTMENT = "COMANDO";

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  @Transactional(TxType.REQUIRED)
  public Optional<StaffProfile> profileOf(String username) {
    StaffUserRow row = em.find(StaffUserRow.class, username);
    if (row == null) {
      return Optional.empty();
    }
    StaffUser user = row.toDomain();
    if (user.isDeleted()) {
      return Optional.empty();
    }
    RoleCatalogue catalogue = catalogue();
    Role role = catalogue.role(user.primaryRoleCode());
    return Optional.of(
        new StaffProfile(
            user.username(),
            user.givenName() + " " + user.surname(),
            role.code(),
            role.name(),
            role.isDeleted() ? PermissionSet.none() : role.permissions(),
            policyOf(role).scope(),
            user.departmentId(),
            user.status()));
  }

  /** Records a sign-in of an active user (PRM-1 "ultimo accesso"). */
  @Transactional(TxType.REQUIRED)
  public void recordAccess(String username) {
    StaffUserRow row = em.find(StaffUserRow.class, username);
    if (row != null) {
      StaffUser user = row.toDomain();
      user.recordAccess(Instant.now(clock));
      row.update(user);
    }
  }

  /**
   * Records the tenant's first System administrator (created in the identity provider by
   * onboarding); nothing happens when they are already recorded.
   */
  @Transactional(TxType.REQUIRED)
  public void registerFirstAdministrator(String username) {
    if (em.find(StaffUserRow.class, username) != null) {
      return;
    }
    Instant now = Instant.now(clock);
    StaffUser admin =
        StaffUser.firstAdministrator(
            username,
            Role.predefined(PredefinedRole.SYSTEM_ADMINISTRATOR),
            WHOLE_COMMAND_DEPARTMENT,
            SecurityChangeRequest.confirmed(
                "sistema", now, "Primo amministratore creato all'attivazione del comando"));
    em.persist(StaffUserRow.of(admin, null));
    admin.recordedChanges().forEach(e -> em.persist(SecurityHistoryRow.of(e)));
  }

  /**
   * Commands onboarded before the Permissions module existed have no staff yet: their first
   * administrator ({@code admin.<slug>}, created in the identity provider by the onboarding) is
   * recorded at their first sign-in. Only while the command has no staff user at all.
   *
   * @return whether the user was recorded
   */
  @Transactional(TxType.REQUIRED)
  public boolean bootstrapFirstAdministrator(String username) {
    String expected = TenantIdentities.firstAdministratorUsername(TenantContext.require());
    if (!expected.equals(username)
        || em.createQuery("select count(u) from StaffUserRow u", Long.class).getSingleResult()
            > 0) {
      return false;
    }
    registerFirstAdministrator(username);
    return true;
  }

  @Transactional(TxType.REQUIRED)
  public RoleCatalogue catalogue() {
    return RoleCatalogue.of(
        em.createQuery("select r from StaffRoleRow r", StaffRoleRow.class).getResultList().stream()
            .map(StaffRoleRow::toDomain)
            .toList());
  }

  @Transactional(TxType.REQUIRED)
  public VisibilityPolicy policyOf(Role role) {
    VisibilityPolicyRow row = em.find(VisibilityPolicyRow.class, role.code());
    if (row != null) {
      return row.toDomain();
    }
    return new VisibilityPolicy(role.code(), defaultScope(role));
  }

  private VisibilityScope defaultScope(Role role) {
    if (role.predefinedRole().isPresent()) {
      return role.predefinedRole().get().defaultVisibility();
    }
    try {
      return defaultScope(catalogue().role(role.derivedFrom().orElseThrow()));
    } catch (UnknownRoleException | java.util.NoSuchElementException e) {
      return VisibilityScope.OWN_RECORDS;
    }
  }

  /**
   * The active staff of the command (not deleted), by username, in one query: e.g. the officers the
   * mobile app lists (DEV-2).
   */
  @Transactional(TxType.REQUIRED)
  public java.util.List<StaffUser> activeStaff() {
    return em
        .createQuery(
            "select u from StaffUserRow u where u.status = :active and u.deleted = false order"
                + " by u.username",
            StaffUserRow.class)
        .setParameter("active", it.ksanctions.permissions.domain.UserStatus.ACTIVE)
        .getResultList()
        .stream()
        .map(StaffUserRow::toDomain)
        .toList();
  }

  /**
   * The e-mail addresses of the active staff (not deleted) whose primary role is one of {@code
   * roles} or a role derived from one of them (not deleted), by username, in one query; users
   * without an address are left out. E.g. who receives the Devices alerts (DEV-7).
   */
  @Transactional(TxType.REQUIRED)
  public java.util.List<String> emailsOfRoles(java.util.Set<PredefinedRole> roles) {
    java.util.List<String> codes = roles.stream().map(PredefinedRole::code).toList();
    if (codes.isEmpty()) {
      return java.util.List.of();
    }
    return em.createQuery(
            "select u.email from StaffUserRow u where (u.primaryRoleCode in :roles or"
                + " u.primaryRoleCode in (select r.code from StaffRoleRow r where r.derivedFrom in"
                + " :roles and r.deleted = false)) and u.status = :active and u.deleted = false and"
                + " u.email is not null order by u.username",
            String.class)
        .setParameter("roles", codes)
        .setParameter("active", it.ksanctions.permissions.domain.UserStatus.ACTIVE)
        .getResultList();
  }
}
