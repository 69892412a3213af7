package it.ksanctions.permissions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A role of the command (PRM-2): either one of the {@link PredefinedRole}s, present in every
 * command, or a profile derived from another role by duplication and then customised.
 *
 * <p>Predefined roles are the reference profiles: they can neither be deleted nor edited (seed "non
 * possono essere cancellati, ma solo duplicati e personalizzati"), so their permissions are always
 * {@link PredefinedRole#defaultPermissions()}. A derived role remembers the role it was duplicated
 * from. Changing a derived role's permissions, or deleting it, needs the administrator's explicit
 * confirmation and a reason, and records a {@link SecurityHistoryEntry} (PRM-7, PRM-8). Deletion is
 * logical: the role stays for the history and can no longer be assigned or changed.
 *
 * <p>Roles are created only through {@link RoleCatalogue}, which keeps codes and names unique
 * within the command.
 */
public final class Role {

  private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
  private static final int NAME_MAX_LENGTH = 80;

  private final String code;
  private final String name;
  private final PredefinedRole predefined;
  private final String derivedFrom;
  private PermissionSet permissions;
  private boolean deleted;
  private final List<SecurityHistoryEntry> recordedChanges = new ArrayList<>();

  private Role(
      String code,
      String name,
      PredefinedRole predefined,
      String derivedFrom,
      PermissionSet permissions,
      boolean deleted) {
    this.code = code;
    this.name = name;
    this.predefined = predefined;
    this.derivedFrom = derivedFrom;
    this.permissions = permissions;
    this.deleted = deleted;
  }

  /** A predefined role with its default permissions and Italian name. */
  public static Role predefined(PredefinedRole role) {
    return new Role(role.code(), role.italianLabel(), role, null, role.defaultPermissions(), false);
  }

  /**
   * A derived role as stored, e.g. when loaded from the database. Use {@link
   * RoleCatalogue#duplicate} to create a new one.
   */
  public static Role derived(
      String code, String name, String derivedFrom, PermissionSet permissions, boolean deleted) {
    Objects.requireNonNull(derivedFrom, "derivedFrom");
    Objects.requireNonNull(permissions, "permissions");
    return new Role(
        normaliseCode(code), normaliseName(name), null, derivedFrom, permissions, deleted);
  }

  /** A new derived role: a copy of this role's permissions under a new code and name. */
  Role duplicateAs(String newCode, String newName, SecurityChangeRequest request) {
    requireNotDeleted("duplicated");
    Role copy =
        new Role(normaliseCode(newCode), normaliseName(newName), null, code, permissions, false);
    copy.record(
        SecurityHistoryEntry.of(
            request,
            SecuritySubject.role(copy.code),
            SecurityChangeKind.ROLE_CREATED,
            "",
            "derived from " + code + ": " + permissions.code()));
    return copy;
  }

  /**
   * Replaces the role's permissions.
   *
   * @throws PredefinedRoleProtectedException for a predefined role
   * @throws UnconfirmedSecurityChangeException without explicit confirmation
   * @throws ChangeWithoutEffectException when the permissions are the same
   */
  public SecurityHistoryEntry changePermissions(
      PermissionSet newPermissions, SecurityChangeRequest request) {
    Objects.requireNonNull(newPermissions, "newPermissions");
    if (predefined != null) {
      throw new PredefinedRoleProtectedException(
          PermissionRule.PREDEFINED_ROLE_NOT_EDITABLE,
          "The predefined role "
              + code
              + " cannot be changed: duplicate it and change the derived role");
    }
    requireNotDeleted("changed");
    request.requireExplicitConfirmation("the permissions of role " + code);
    if (newPermissions.equals(permissions)) {
      throw new ChangeWithoutEffectException(
          "Role " + code + " already has exactly these permissions");
    }
    SecurityHistoryEntry entry =
        SecurityHistoryEntry.of(
            request,
            SecuritySubject.role(code),
            SecurityChangeKind.ROLE_PERMISSIONS_CHANGED,
            permissions.code(),
            newPermissions.code());
    permissions = newPermissions;
    return record(entry);
  }

  /**
   * Deletes the role logically.
   *
   * @param heldByUsers whether any user (in any status) still holds the role
   * @throws PredefinedRoleProtectedException for a predefined role
   * @throws RoleInUseException when users hold the role
   * @throws UnconfirmedSecurityChangeException without explicit confirmation
   */
  public SecurityHistoryEntry delete(boolean heldByUsers, SecurityChangeRequest request) {
    if (predefined != null) {
      throw new PredefinedRoleProtectedException(
          PermissionRule.PREDEFINED_ROLE_NOT_DELETABLE,
          "The predefined role " + code + " cannot be deleted, only duplicated");
    }
    requireNotDeleted("deleted");
    if (heldByUsers) {
      throw new RoleInUseException(
          "Role " + code + " is held by users: give them another role before deleting it");
    }
    request.requireExplicitConfirmation("role " + code);
    deleted = true;
    return record(
        SecurityHistoryEntry.of(
            request,
            SecuritySubject.role(code),
            SecurityChangeKind.ROLE_DELETED,
            "active",
            "deleted"));
  }

  void requireNotDeleted(String attempted) {
    if (deleted) {
      throw new DeletedRoleException("Role " + code + " was deleted and cannot be " + attempted);
    }
  }

  private SecurityHistoryEntry record(SecurityHistoryEntry entry) {
    recordedChanges.add(entry);
    return entry;
  }

  static String normaliseCode(String code) {
    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!CODE.matcher(normalised).matches()) {
      throw new InvalidRoleException(
          "Invalid role code '"
              + code
              + "': 2 to 40 letters, digits or underscores, starting with a letter");
    }
    return normalised;
  }

  static String normaliseName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRoleException("A role needs a name");
    }
    String normalised = name.strip().replaceAll("\\s+", " ");
    if (normalised.length() > NAME_MAX_LENGTH) {
      throw new InvalidRoleException(
          "A role name has at most " + NAME_MAX_LENGTH + " characters: " + normalised);
    }
    return normalised;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public boolean isPredefined() {
    return predefined != null;
  }

  public Optional<PredefinedRole> predefinedRole() {
    return Optional.ofNullable(predefined);
  }

  /** The code of the role this one was duplicated from; empty for predefined roles. */
  public Optional<String> derivedFrom() {
    return Optional.ofNullable(derivedFrom);
  }

  public PermissionSet permissions() {
    return permissions;
  }

  public boolean isDeleted() {
    return deleted;
  }

  /** The security history entries this role produced since it was created or loaded. */
  public List<SecurityHistoryEntry> recordedChanges() {
    return List.copyOf(recordedChanges);
  }
}
