package it.ksanctions.permissions.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The roles × permissions table the seed asks to show and edit (PRM-3 "matrice dei permessi"): for
 * each role code, the permissions it grants. Immutable: an edit produces a new matrix, and {@link
 * #changesTo} lists exactly what the edit would add and remove, role by role, so the administrator
 * confirms a precise list and the security log records it (PRM-7).
 *
 * <p>Rows keep the order they were given in (predefined roles first, as {@link RoleCatalogue}
 * builds it); columns are {@link Permission} order.
 */
public final class PermissionMatrix {

  private final Map<String, PermissionSet> grants;

  private PermissionMatrix(Map<String, PermissionSet> grants) {
    this.grants = Collections.unmodifiableMap(grants);
  }

  /** A matrix from role codes to the permissions each grants, in the map's iteration order. */
  public static PermissionMatrix of(Map<String, PermissionSet> grants) {
    Map<String, PermissionSet> copy = new LinkedHashMap<>();
    grants.forEach(
        (role, set) -> copy.put(Objects.requireNonNull(role), Objects.requireNonNull(set)));
    return new PermissionMatrix(copy);
  }

  /** The matrix of the given roles, leaving out logically deleted ones. */
  public static PermissionMatrix ofRoles(Collection<Role> roles) {
    Map<String, PermissionSet> grants = new LinkedHashMap<>();
    roles.stream().filter(r -> !r.isDeleted()).forEach(r -> grants.put(r.code(), r.permissions()));
    return new PermissionMatrix(grants);
  }

  public Set<String> roleCodes() {
    return grants.keySet();
  }

  /**
   * The permissions a role grants.
   *
   * @throws UnknownRoleException when the matrix has no such role
   */
  public PermissionSet grantsOf(String roleCode) {
    PermissionSet set = grants.get(roleCode);
    if (set == null) {
      throw new UnknownRoleException("The permission matrix has no role '" + roleCode + "'");
    }
    return set;
  }

  /** Whether the role grants the permission; false for a role the matrix does not hold. */
  public boolean isGranted(String roleCode, Permission permission) {
    PermissionSet set = grants.get(roleCode);
    return set != null && set.contains(permission);
  }

  /** The roles that grant a permission: one column of the matrix. */
  public Set<String> rolesGranting(Permission permission) {
    Set<String> roles = new LinkedHashSet<>();
    grants.forEach(
        (role, set) -> {
          if (set.contains(permission)) {
            roles.add(role);
          }
        });
    return roles;
  }

  /** This matrix with one row replaced (or added). */
  public PermissionMatrix withGrants(String roleCode, PermissionSet permissions) {
    Map<String, PermissionSet> copy = new LinkedHashMap<>(grants);
    copy.put(Objects.requireNonNull(roleCode), Objects.requireNonNull(permissions));
    return new PermissionMatrix(copy);
  }

  /**
   * Every permission added or removed going from this matrix to {@code newer}: rows in this
   * matrix's order then the new rows, within a row removals before additions, each in permission
   * order. A role present on one side only has all its permissions added or removed.
   */
  public List<PermissionChange> changesTo(PermissionMatrix newer) {
    Set<String> roles = new LinkedHashSet<>(grants.keySet());
    roles.addAll(newer.grants.keySet());
    List<PermissionChange> changes = new ArrayList<>();
    for (String role : roles) {
      PermissionSet before = grants.getOrDefault(role, PermissionSet.none());
      PermissionSet after = newer.grants.getOrDefault(role, PermissionSet.none());
      before.minus(after).stream()
          .forEach(p -> changes.add(new PermissionChange(role, p, PermissionChange.Kind.REMOVED)));
      after.minus(before).stream()
          .forEach(p -> changes.add(new PermissionChange(role, p, PermissionChange.Kind.ADDED)));
    }
    return List.copyOf(changes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PermissionMatrix matrix && grants.equals(matrix.grants);
  }

  @Override
  public int hashCode() {
    return grants.hashCode();
  }

  @Override
  public String toString() {
    return "PermissionMatrix" + grants;
  }
}
