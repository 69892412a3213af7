package it.ksanctions.permissions.domain;

import it.ksanctions.shared.CodiceFiscale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A member of the command's staff who uses K-Sanctions (PRM-1): identity (name, surname, codice
 * fiscale, username or SPID identity), exactly one primary role, status, department, creation and
 * last access, and the device assigned to a field officer.
 *
 * <p>The rules of PRM-7 live here: a user holds one primary role and an attempt to add a second is
 * a role conflict (changing the role, "cambio incarico", replaces it instead); status changes
 * follow {@link UserStatus}; a deactivated user is frozen so that the records and history linked to
 * them never change meaning; only active users may access the system. There is no physical
 * deletion: {@link #delete} is logical, and refused while the user still has active records
 * (verbali, pre-notices), which only the caller can count. Every change of role, status or
 * existence produces a {@link SecurityHistoryEntry} (PRM-8), returned and kept in {@link
 * #recordedChanges()} until the application layer stores it.
 */
public final class StaffUser {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");

  private final String username;
  private final String givenName;
  private final String surname;
  private final CodiceFiscale codiceFiscale;
  private String departmentId;
  private final Instant createdAt;
  private String primaryRoleCode;
  private UserStatus status;
  private Instant lastAccessAt;
  private String assignedDeviceId;
  private boolean deleted;
  private final List<SecurityHistoryEntry> recordedChanges = new ArrayList<>();

  private StaffUser(
      String username,
      String givenName,
      String surname,
      CodiceFiscale codiceFiscale,
      String departmentId,
      Instant createdAt,
      String primaryRoleCode) {
    this.username = username;
    this.givenName = givenName;
    this.surname = surname;
    this.codiceFiscale = codiceFiscale;
    this.departmentId = departmentId;
    this.createdAt = createdAt;
    this.primaryRoleCode = primaryRoleCode;
    this.status = UserStatus.ACTIVE;
  }

  /**
   * The command's first System administrator, created by the platform at onboarding before anybody
   * could type their personal data: no codice fiscale yet ({@link #codiceFiscale()} is null until
   * the data is completed), whole-command department.
   */
  public static StaffUser firstAdministrator(
      String username,
      Role systemAdministrator,
      String departmentId,
      SecurityChangeRequest request) {
    StaffUser user =
        new StaffUser(
            normaliseUsername(username),
            "Amministratore",
            "di sistema",
            null,
            requireText(departmentId, "department"),
            request.at(),
            systemAdministrator.code());
    user.record(request, SecurityChangeKind.USER_CREATED, "", user.primaryRoleCode);
    return user;
  }

  /** A user as stored: no rule is applied and no history is recorded. */
  public static StaffUser restore(
      String username,
      String givenName,
      String surname,
      CodiceFiscale codiceFiscale,
      String departmentId,
      Instant createdAt,
      String primaryRoleCode,
      UserStatus status,
      Instant lastAccessAt,
      boolean deleted) {
    StaffUser user =
        new StaffUser(
            username, givenName, surname, codiceFiscale, departmentId, createdAt, primaryRoleCode);
    user.status = Objects.requireNonNull(status, "status");
    user.lastAccessAt = lastAccessAt;
    user.deleted = deleted;
    return user;
  }

  /**
   * A new, active user, created by an administrator (PRM-1).
   *
   * @throws InvalidStaffUserException when a name, the username or the department is missing or
   *     malformed
   * @throws DeletedRoleException when the role was deleted
   */
  public static StaffUser create(
      String username,
      String givenName,
      String surname,
      CodiceFiscale codiceFiscale,
      Role primaryRole,
      String departmentId,
      SecurityChangeRequest request) {
    Objects.requireNonNull(codiceFiscale, "codiceFiscale");
    Objects.requireNonNull(primaryRole, "primaryRole");
    primaryRole.requireNotDeleted("assigned");
    StaffUser user =
        new StaffUser(
            normaliseUsername(username),
            requireText(givenName, "name"),
            requireText(surname, "surname"),
            codiceFiscale,
            requireText(departmentId, "department"),
            request.at(),
            primaryRole.code());
    user.record(request, SecurityChangeKind.USER_CREATED, "", user.primaryRoleCode);
    return user;
  }

  /**
   * Refuses a second primary role: a user holds exactly one (PRM-7, "conflitto di ruoli"). To move
   * a user to another role use {@link #changePrimaryRole}.
   *
   * @throws PrimaryRoleConflictException always, since every user already has a primary role
   */
  public void assignPrimaryRole(Role role) {
    throw new PrimaryRoleConflictException(
        "User "
            + username
            + " already has the primary role "
            + primaryRoleCode
            + " and cannot also hold "
            + role.code()
            + ": change the primary role instead");
  }

  /**
   * Replaces the primary role ("cambio incarico").
   *
   * @throws DeactivatedUserException when the user is deactivated
   * @throws DeletedRoleException when the new role was deleted
   * @throws ChangeWithoutEffectException when the user already holds that role
   */
  public SecurityHistoryEntry changePrimaryRole(Role newRole, SecurityChangeRequest request) {
    requireNotDeactivated("change role");
    newRole.requireNotDeleted("assigned");
    if (newRole.code().equals(primaryRoleCode)) {
      throw new ChangeWithoutEffectException(
          "User " + username + " already has the primary role " + primaryRoleCode);
    }
    String old = primaryRoleCode;
    primaryRoleCode = newRole.code();
    return record(request, SecurityChangeKind.USER_PRIMARY_ROLE_CHANGED, old, primaryRoleCode);
  }

  /**
   * Moves the user to another department (an assignment made in the Command module's organisation):
   * visibility "own department" follows it.
   *
   * @throws DeactivatedUserException when the user is deactivated
   * @throws ChangeWithoutEffectException when the user is already in that department
   */
  public SecurityHistoryEntry moveToDepartment(
      String newDepartmentId, SecurityChangeRequest request) {
    requireNotDeactivated("change department");
    String target = requireText(newDepartmentId, "department");
    if (target.equals(departmentId)) {
      throw new ChangeWithoutEffectException(
          "User " + username + " is already in the department " + departmentId);
    }
    String old = departmentId;
    departmentId = target;
    return record(request, SecurityChangeKind.USER_DEPARTMENT_CHANGED, old, departmentId);
  }

  /** Suspends an active account, e.g. for a long absence. */
  public SecurityHistoryEntry suspend(SecurityChangeRequest request) {
    return moveTo(UserStatus.SUSPENDED, request);
  }

  /** Reactivates a suspended account. */
  public SecurityHistoryEntry reactivate(SecurityChangeRequest request) {
    return moveTo(UserStatus.ACTIVE, request);
  }

  /** Deactivates the account for good; the user's records and history stay as they are. */
  public SecurityHistoryEntry deactivate(SecurityChangeRequest request) {
    return moveTo(UserStatus.DEACTIVATED, request);
  }

  private SecurityHistoryEntry moveTo(UserStatus target, SecurityChangeRequest request) {
    if (!status.canBecome(target)) {
      throw new UserStatusTransitionException(
          "User " + username + " cannot go from " + status + " to " + target);
    }
    UserStatus old = status;
    status = target;
    return record(request, SecurityChangeKind.USER_STATUS_CHANGED, old.name(), target.name());
  }

  /**
   * Notes an access to the system.
   *
   * @throws InactiveUserAccessException when the account is suspended or deactivated
   */
  public void recordAccess(Instant at) {
    Objects.requireNonNull(at, "at");
    if (status != UserStatus.ACTIVE) {
      throw new InactiveUserAccessException(
          "User " + username + " is " + status + " and cannot access the system");
    }
    lastAccessAt = at;
  }

  /** Assigns a device (field officers' smartphones or tablets, PRM-1), replacing any other. */
  public void assignDevice(String deviceId) {
    requireNotDeactivated("receive a device");
    assignedDeviceId = requireText(deviceId, "device");
  }

  public void releaseDevice() {
    assignedDeviceId = null;
  }

  /** Whether the user may be deleted (logically): never while they still have active records. */
  public boolean canBeDeleted(boolean hasActiveRecords) {
    return !hasActiveRecords && !deleted;
  }

  /**
   * Deletes the user logically: the account is deactivated and hidden from staff lists, while the
   * user, the records linked to them and the history stay stored.
   *
   * @throws UserWithActiveRecordsException while the user has active records
   * @throws ChangeWithoutEffectException when the user is already deleted
   */
  public SecurityHistoryEntry delete(boolean hasActiveRecords, SecurityChangeRequest request) {
    if (deleted) {
      throw new ChangeWithoutEffectException("User " + username + " is already deleted");
    }
    if (hasActiveRecords) {
      throw new UserWithActiveRecordsException(
          "User "
              + username
              + " has active records and cannot be deleted; deactivate them instead");
    }
    String old = status.name();
    status = UserStatus.DEACTIVATED;
    deleted = true;
    assignedDeviceId = null;
    return record(request, SecurityChangeKind.USER_DELETED, old, "DELETED");
  }

  /** This user as the viewer of records, for visibility policies (PRM-6). */
  public Viewer asViewer() {
    return new Viewer(username, departmentId);
  }

  private void requireNotDeactivated(String attempted) {
    if (status == UserStatus.DEACTIVATED) {
      throw new DeactivatedUserException(
          "User " + username + " is deactivated and cannot " + attempted);
    }
  }

  private SecurityHistoryEntry record(
      SecurityChangeRequest request, SecurityChangeKind kind, String oldValue, String newValue) {
    SecurityHistoryEntry entry =
        SecurityHistoryEntry.of(request, SecuritySubject.user(username), kind, oldValue, newValue);
    recordedChanges.add(entry);
    return entry;
  }

  private static String normaliseUsername(String username) {
    String normalised = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(normalised).matches()) {
      throw new InvalidStaffUserException(
          "Invalid username '"
              + username
              + "': 3 to 64 letters, digits or . _ @ -, starting with a letter or digit");
    }
    return normalised;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new InvalidStaffUserException("A staff user needs a " + name);
    }
    return value.strip();
  }

  public String username() {
    return username;
  }

  public String givenName() {
    return givenName;
  }

  public String surname() {
    return surname;
  }

  public CodiceFiscale codiceFiscale() {
    return codiceFiscale;
  }

  public String departmentId() {
    return departmentId;
  }

  public String primaryRoleCode() {
    return primaryRoleCode;
  }

  public UserStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> lastAccessAt() {
    return Optional.ofNullable(lastAccessAt);
  }

  public Optional<String> assignedDeviceId() {
    return Optional.ofNullable(assignedDeviceId);
  }

  public boolean isDeleted() {
    return deleted;
  }

  /** The security history entries this user produced since created or loaded. */
  public List<SecurityHistoryEntry> recordedChanges() {
    return List.copyOf(recordedChanges);
  }
}
