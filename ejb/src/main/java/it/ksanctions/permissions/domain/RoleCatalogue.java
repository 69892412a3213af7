package it.ksanctions.permissions.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The roles of one command: the predefined ones plus the derived profiles the command created
 * (PRM-2), with the permission matrix they make up (PRM-3).
 *
 * <p>It exists to keep role codes and names unique within the command, which no single role can
 * check: a derived role is only ever created here, by duplicating an existing role under a new code
 * and a new name. Names are compared ignoring case and repeated spaces, because two roles called
 * "Istruttore notturno" and "istruttore notturno" would be indistinguishable in a list. Deleted
 * roles keep their code and name, so neither is ever reused and the history stays unambiguous.
 */
public final class RoleCatalogue {

  private final Map<String, Role> roles = new LinkedHashMap<>();

  private RoleCatalogue() {}

  /** A new command's catalogue: the predefined roles, in {@link PredefinedRole} order. */
  public static RoleCatalogue withPredefinedRoles() {
    RoleCatalogue catalogue = new RoleCatalogue();
    for (PredefinedRole role : PredefinedRole.values()) {
      catalogue.add(Role.predefined(role));
    }
    return catalogue;
  }

  /**
   * A catalogue as stored: the predefined roles (always present, always with their defaults) and
   * the given derived roles.
   *
   * @throws DuplicateRoleException when two roles share a code or a name
   */
  public static RoleCatalogue of(Collection<Role> derivedRoles) {
    RoleCatalogue catalogue = withPredefinedRoles();
    for (Role role : derivedRoles) {
      if (role.isPredefined()) {
        continue;
      }
      catalogue.requireUnique(role.code(), role.name());
      catalogue.add(role);
    }
    return catalogue;
  }

  /**
   * Duplicates a role into a new derived role with the same permissions (PRM-2).
   *
   * @throws UnknownRoleException when the source role does not exist
   * @throws DuplicateRoleException when the new code or name is taken
   * @throws DeletedRoleException when the source role was deleted
   */
  public Role duplicate(
      String sourceCode, String newCode, String newName, SecurityChangeRequest request) {
    Role source = role(sourceCode);
    String code = Role.normaliseCode(newCode);
    String name = Role.normaliseName(newName);
    requireUnique(code, name);
    Role copy = source.duplicateAs(code, name, request);
    add(copy);
    return copy;
  }

  /**
   * The role with this code, deleted or not.
   *
   * @throws UnknownRoleException when there is none
   */
  public Role role(String code) {
    Role role = code == null ? null : roles.get(code.strip().toUpperCase(Locale.ROOT));
    if (role == null) {
      throw new UnknownRoleException("The command has no role '" + code + "'");
    }
    return role;
  }

  /** The roles that can be assigned: every role not deleted, predefined first. */
  public List<Role> activeRoles() {
    return roles.values().stream().filter(r -> !r.isDeleted()).toList();
  }

  public List<Role> allRoles() {
    return new ArrayList<>(roles.values());
  }

  /** The permission matrix of the roles not deleted. */
  public PermissionMatrix matrix() {
    return PermissionMatrix.ofRoles(roles.values());
  }

  private void requireUnique(String code, String name) {
    if (roles.containsKey(code)) {
      throw new DuplicateRoleException(
          PermissionRule.ROLE_CODE_TAKEN, "The role code " + code + " is already used");
    }
    String key = nameKey(name);
    for (Role role : roles.values()) {
      if (nameKey(role.name()).equals(key)) {
        throw new DuplicateRoleException(
            PermissionRule.ROLE_NAME_TAKEN,
            "The role name '" + name + "' is already used by role " + role.code());
      }
    }
  }

  private static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private void add(Role role) {
    roles.put(role.code(), role);
  }
}
