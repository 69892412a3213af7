package it.ksanctions.permissions.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppAction.READ_LOGS;
import static it.ksanctions.permissions.domain.AppModule.PERMISSIONS;

import it.ksanctions.identity.application.StaffAccounts;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.InvalidCodiceFiscaleException;
import it.ksanctions.permissions.domain.Permission;
import it.ksanctions.permissions.domain.PermissionSet;
import it.ksanctions.permissions.domain.Role;
import it.ksanctions.permissions.domain.RoleCatalogue;
import it.ksanctions.permissions.domain.SecurityChangeRequest;
import it.ksanctions.permissions.domain.SecurityHistoryEntry;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.domain.VisibilityPolicy;
import it.ksanctions.permissions.domain.VisibilityScope;
import it.ksanctions.permissions.infrastructure.SecurityHistoryRow;
import it.ksanctions.permissions.infrastructure.StaffRoleRow;
import it.ksanctions.permissions.infrastructure.StaffUserRow;
import it.ksanctions.permissions.infrastructure.VisibilityPolicyRow;
import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.tenancy.context.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Use cases of the Permissions module (PRM-1..8) for the current tenant. Every method is authorised
 * by {@link Authorized}; every change records the security history (PRM-8) and an audit event
 * (PRM-5) in the same transaction.
 */
@ApplicationScoped
@Transactional
public class PermissionsAdministration {

  private static final int MAX_HISTORY = 500;

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject StaffDirectory directory;
  @Inject StaffAccounts accounts;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** A staff user as the administration views show them. */
  public record UserView(
      String username,
      String givenName,
      String surname,
      String codiceFiscale,
      String email,
      String departmentId,
      String roleCode,
      String roleName,
      UserStatus status,
      Instant createdAt,
      Instant lastAccessAt) {}

  /** A new staff user as typed by the administrator. */
  public record NewUser(
      String username,
      String givenName,
      String surname,
      String codiceFiscale,
      String email,
      String departmentId,
      String roleCode) {}

  /**
   * The created user and the one-time password to hand over (null when the request had already been
   * carried out: its password was shown then).
   */
  public record CreatedUser(UserView user, String temporaryPassword) {}

  /** A role with its permissions, visibility and number of users. */
  public record RoleView(
      String code,
      String name,
      boolean predefined,
      String derivedFrom,
      PermissionSet permissions,
      VisibilityScope scope,
      long users,
      boolean deleted) {}

  @Authorized(module = PERMISSIONS, action = ACCESS)
  public List<UserView> users(String text, UserStatus status) {
    String filter = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Map<String, Role> roles = rolesByCode();
    List<UserView> found =
        em
            .createQuery("select u from StaffUserRow u order by u.username", StaffUserRow.class)
            .getResultList()
            .stream()
            .map(row -> view(row, roles))
            .filter(u -> status == null || u.status() == status)
            .filter(
                u ->
                    filter.isEmpty()
                        || (u.username()
                                + " "
                                + u.givenName()
                                + " "
                                + u.surname()
                                + " "
                                + (u.codiceFiscale() == null ? "" : u.codiceFiscale()))
                            .toLowerCase(Locale.ROOT)
                            .contains(filter))
            .toList();
    audit.record(
        PERMISSIONS,
        "Elenco utenti",
        AuditOperation.READ,
        "utenti: " + found.size() + (filter.isEmpty() ? "" : ", filtro '" + filter + "'"));
    return found;
  }

  /**
   * Creates a staff user here and their account in the identity provider (PRM-1), once per {@code
   * requestKey}: a repeated submission returns the user created the first time.
   */
  @Authorized(module = PERMISSIONS, action = CREATE)
  public CreatedUser createUser(NewUser input, String requestKey) {
    Optional<String> done = RequestKeys.outcome(em, requestKey);
    if (done.isPresent()) {
      StaffUserRow row = em.find(StaffUserRow.class, done.get());
      return new CreatedUser(view(row, rolesByCode()), null);
    }
    SecurityChangeRequest request = request("Creazione utente", true);
    RoleCatalogue catalogue = directory.catalogue();
    CodiceFiscale codiceFiscale =
        InvalidCodiceFiscaleException.parse(blankToNull(input.codiceFiscale()));
    StaffUser user =
        StaffUser.create(
            input.username(),
            input.givenName(),
            input.surname(),
            codiceFiscale,
            catalogue.role(input.roleCode()),
            blankToNull(input.departmentId()) == null
                ? StaffDirectory.WHOLE_COMMAND_DEPARTMENT
                : input.departmentId(),
            request);
    String email = blankToNull(input.email());
    if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      throw new AdministrationException(
          "The e-mail address '" + email + "' is not valid",
          "L'indirizzo e-mail «" + email + "» non è valido.");
    }
    if (em.find(StaffUserRow.class, user.username()) != null) {
      throw new AdministrationException(
          "The username '" + user.username() + "' is already in use",
          "Il nome utente «" + user.username() + "» è già in uso in questo comando.");
    }
    Long sameCode =
        em.createQuery(
                "select count(u) from StaffUserRow u where u.codiceFiscale = :cf", Long.class)
            .setParameter("cf", codiceFiscale.value())
            .getSingleResult();
    if (sameCode > 0) {
      throw new AdministrationException(
          "A user with the codice fiscale " + codiceFiscale.value() + " already exists",
          "Esiste già un utente con codice fiscale " + codiceFiscale.value() + ".");
    }
    StaffUserRow row = StaffUserRow.of(user, email);
    em.persist(row);
    user.recordedChanges().forEach(e -> em.persist(SecurityHistoryRow.of(e)));
    RequestKeys.remember(em, requestKey, user.username());
    audit.record(
        PERMISSIONS, "Creazione utente", AuditOperation.CHANGE, "utente " + user.username());
    em.flush(); // constraint violations before the account exists in the identity provider
    String password =
        accounts.create(
            TenantContext.require(),
            new StaffAccounts.NewAccount(
                user.username(), user.givenName(), user.surname(), email, codiceFiscale.value()));
    return new CreatedUser(view(row, rolesByCode()), password);
  }

  /** Suspends, reactivates or deactivates a user (PRM-7); their login follows. */
  @Authorized(module = PERMISSIONS, action = EDIT)
  public UserView changeStatus(String username, UserStatus target, String reason) {
    StaffUserRow row = requireUser(username);
    StaffUser user = row.toDomain();
    if (user.username().equals(currentStaff.requireActive().username())
        && target != UserStatus.ACTIVE) {
      throw new AdministrationException(
          "Administrators cannot suspend or deactivate themselves",
          "Non è possibile sospendere o disattivare il proprio utente.");
    }
    SecurityChangeRequest request = request(reason, true);
    SecurityHistoryEntry entry =
        switch (target) {
          case SUSPENDED -> user.suspend(request);
          case ACTIVE -> user.reactivate(request);
          case DEACTIVATED -> user.deactivate(request);
        };
    row.update(user);
    em.persist(SecurityHistoryRow.of(entry));
    audit.record(
        PERMISSIONS,
        "Stato utente: " + target.italianLabel(),
        AuditOperation.CHANGE,
        "utente " + username);
    em.flush();
    accounts.setEnabled(TenantContext.require(), user.username(), target == UserStatus.ACTIVE);
    return view(row, rolesByCode());
  }

  /** Replaces the user's one primary role ("cambio incarico", PRM-7). */
  @Authorized(module = PERMISSIONS, action = EDIT)
  public UserView changePrimaryRole(
      String username, String roleCode, String reason, boolean confirmed) {
    StaffUserRow row = requireUser(username);
    StaffUser user = row.toDomain();
    SecurityHistoryEntry entry =
        user.changePrimaryRole(directory.catalogue().role(roleCode), request(reason, confirmed));
    row.update(user);
    em.persist(SecurityHistoryRow.of(entry));
    audit.record(PERMISSIONS, "Cambio ruolo", AuditOperation.CHANGE, "utente " + username);
    return view(row, rolesByCode());
  }

  @Authorized(module = PERMISSIONS, action = ACCESS)
  public List<RoleView> roles() {
    Map<String, Long> users =
        em
            .createQuery(
                "select u.primaryRoleCode, count(u) from StaffUserRow u where u.deleted = false"
                    + " group by u.primaryRoleCode",
                Object[].class)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    return directory.catalogue().allRoles().stream()
        .map(
            role ->
                new RoleView(
                    role.code(),
                    role.name(),
                    role.isPredefined(),
                    role.derivedFrom().orElse(null),
                    role.permissions(),
                    directory.policyOf(role).scope(),
                    users.getOrDefault(role.code(), 0L),
                    role.isDeleted()))
        .toList();
  }

  /** A derived role made by duplicating another (PRM-3). */
  @Authorized(module = PERMISSIONS, action = CREATE)
  public RoleView duplicateRole(String sourceCode, String newCode, String newName, String reason) {
    RoleCatalogue catalogue = directory.catalogue();
    SecurityChangeRequest request = request(reason, true);
    Role source = catalogue.role(sourceCode);
    Role copy = catalogue.duplicate(sourceCode, newCode, newName, request);
    em.persist(StaffRoleRow.of(copy));
    em.persist(
        VisibilityPolicyRow.of(
            new VisibilityPolicy(copy.code(), directory.policyOf(source).scope())));
    copy.recordedChanges().forEach(e -> em.persist(SecurityHistoryRow.of(e)));
    audit.record(PERMISSIONS, "Duplicazione ruolo", AuditOperation.CHANGE, "ruolo " + copy.code());
    return roleView(copy.code());
  }

  /** Changes a derived role's row of the permission matrix (PRM-2), confirmed and with a reason. */
  @Authorized(module = PERMISSIONS, action = MANAGE_CONFIGURATION)
  public RoleView changePermissions(
      String roleCode, Collection<Permission> permissions, String reason, boolean confirmed) {
    Role role = directory.catalogue().role(roleCode);
    SecurityHistoryEntry entry =
        role.changePermissions(PermissionSet.of(permissions), request(reason, confirmed));
    em.find(StaffRoleRow.class, role.code()).update(role);
    em.persist(SecurityHistoryRow.of(entry));
    audit.record(
        PERMISSIONS, "Matrice dei permessi", AuditOperation.CHANGE, "ruolo " + role.code());
    return roleView(role.code());
  }

  /** Deletes a derived role no user holds (logical deletion). */
  @Authorized(module = PERMISSIONS, action = DELETE_LOGICAL)
  public void deleteRole(String roleCode, String reason, boolean confirmed) {
    Role role = directory.catalogue().role(roleCode);
    boolean held =
        em.createQuery(
                    "select count(u) from StaffUserRow u where u.primaryRoleCode = :code"
                        + " and u.deleted = false and u.status <> :gone",
                    Long.class)
                .setParameter("code", role.code())
                .setParameter("gone", UserStatus.DEACTIVATED)
                .getSingleResult()
            > 0;
    SecurityHistoryEntry entry = role.delete(held, request(reason, confirmed));
    StaffRoleRow row = em.find(StaffRoleRow.class, role.code());
    row.update(role);
    em.persist(SecurityHistoryRow.of(entry));
    audit.record(PERMISSIONS, "Eliminazione ruolo", AuditOperation.DELETE, "ruolo " + role.code());
  }

  /** Changes a role's visibility policy (PRM-6). */
  @Authorized(module = PERMISSIONS, action = MANAGE_CONFIGURATION)
  public RoleView changeVisibility(
      String roleCode, VisibilityScope scope, String reason, boolean confirmed) {
    Role role = directory.catalogue().role(roleCode);
    VisibilityPolicy policy = directory.policyOf(role);
    SecurityHistoryEntry entry = policy.changeScope(scope, request(reason, confirmed));
    VisibilityPolicyRow row = em.find(VisibilityPolicyRow.class, role.code());
    if (row == null) {
      em.persist(VisibilityPolicyRow.of(policy));
    } else {
      row.update(policy);
    }
    em.persist(SecurityHistoryRow.of(entry));
    audit.record(
        PERMISSIONS, "Politica di visibilità", AuditOperation.CHANGE, "ruolo " + role.code());
    return roleView(role.code());
  }

  /** The security history (PRM-8), newest first, optionally of one user or role. */
  @Authorized(module = PERMISSIONS, action = READ_LOGS)
  public List<SecurityHistoryEntry> history(String subjectId) {
    String subject = blankToNull(subjectId);
    TypedQuery<SecurityHistoryRow> query =
        em.createQuery(
            "select h from SecurityHistoryRow h"
                + (subject == null ? "" : " where h.subjectId = :subject")
                + " order by h.at desc, h.id desc",
            SecurityHistoryRow.class);
    if (subject != null) {
      query.setParameter("subject", subject);
    }
    List<SecurityHistoryEntry> entries =
        query.setMaxResults(MAX_HISTORY).getResultList().stream()
            .map(SecurityHistoryRow::toDomain)
            .toList();
    audit.record(
        PERMISSIONS,
        "Storico di sicurezza",
        AuditOperation.READ,
        subject == null ? "tutto" : subject);
    return entries;
  }

  private RoleView roleView(String code) {
    return roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }

  private StaffUserRow requireUser(String username) {
    StaffUserRow row =
        username == null
            ? null
            : em.find(StaffUserRow.class, username.strip().toLowerCase(Locale.ROOT));
    if (row == null || row.toDomain().isDeleted()) {
      throw new AdministrationException(
          "There is no user '" + username + "' in this command",
          "L'utente «" + username + "» non esiste in questo comando.");
    }
    return row;
  }

  private SecurityChangeRequest request(String reason, boolean confirmed) {
    String author = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    return confirmed
        ? SecurityChangeRequest.confirmed(author, now, reason)
        : SecurityChangeRequest.unconfirmed(author, now, reason);
  }

  private Map<String, Role> rolesByCode() {
    return directory.catalogue().allRoles().stream()
        .collect(Collectors.toMap(Role::code, Function.identity()));
  }

  private static UserView view(StaffUserRow row, Map<String, Role> roles) {
    StaffUser user = row.toDomain();
    Role role = roles.get(user.primaryRoleCode());
    return new UserView(
        user.username(),
        user.givenName(),
        user.surname(),
        user.codiceFiscale() == null ? null : user.codiceFiscale().value(),
        row.email(),
        user.departmentId(),
        user.primaryRoleCode(),
        role == null ? user.primaryRoleCode() : role.name(),
        user.status(),
        user.createdAt(),
        user.lastAccessAt().orElse(null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
