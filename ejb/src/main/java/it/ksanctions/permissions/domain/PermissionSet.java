package it.ksanctions.permissions.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The permissions one role grants: an immutable, ordered set of {@link Permission}s.
 *
 * <p>A value of its own (rather than a bare {@code Set}) so that it has one canonical text form,
 * {@link #code()}, used as old and new value in the security history (PRM-8) and stable across
 * runs, and so that the differences between two sets are computed in one place.
 */
public final class PermissionSet {

  private static final PermissionSet NONE = new PermissionSet(new TreeSet<>());

  private final SortedSet<Permission> permissions;

  private PermissionSet(SortedSet<Permission> permissions) {
    this.permissions = Collections.unmodifiableSortedSet(permissions);
  }

  public static PermissionSet none() {
    return NONE;
  }

  public static PermissionSet of(Collection<Permission> permissions) {
    permissions.forEach(p -> Objects.requireNonNull(p, "permission"));
    return new PermissionSet(new TreeSet<>(permissions));
  }

  public static PermissionSet of(Permission... permissions) {
    return of(Arrays.asList(permissions));
  }

  /** The given actions on one module. */
  public static PermissionSet on(AppModule module, AppAction... actions) {
    return of(Arrays.stream(actions).map(a -> new Permission(module, a)).toList());
  }

  /** The given actions on each of the given modules. */
  public static PermissionSet on(Set<AppModule> modules, Set<AppAction> actions) {
    return of(
        modules.stream().flatMap(m -> actions.stream().map(a -> new Permission(m, a))).toList());
  }

  /** Every action on every module: the system administrator's set. */
  public static PermissionSet everything() {
    return on(EnumSet.allOf(AppModule.class), EnumSet.allOf(AppAction.class));
  }

  /**
   * Reads the canonical form written by {@link #code()}; an empty string is the empty set.
   *
   * @throws UnknownPermissionException when one of the codes is not a permission
   */
  public static PermissionSet parse(String code) {
    if (code == null || code.isBlank()) {
      return NONE;
    }
    return of(Arrays.stream(code.split(",")).map(Permission::parse).toList());
  }

  public boolean contains(Permission permission) {
    return permissions.contains(permission);
  }

  public boolean allows(AppModule module, AppAction action) {
    return contains(new Permission(module, action));
  }

  public PermissionSet union(PermissionSet other) {
    TreeSet<Permission> union = new TreeSet<>(permissions);
    union.addAll(other.permissions);
    return new PermissionSet(union);
  }

  public PermissionSet with(Permission... added) {
    return union(of(added));
  }

  public PermissionSet without(Permission... removed) {
    TreeSet<Permission> rest = new TreeSet<>(permissions);
    rest.removeAll(Arrays.asList(removed));
    return new PermissionSet(rest);
  }

  /** The permissions of this set that {@code other} lacks. */
  public PermissionSet minus(PermissionSet other) {
    TreeSet<Permission> rest = new TreeSet<>(permissions);
    rest.removeAll(other.permissions);
    return new PermissionSet(rest);
  }

  public Set<Permission> asSet() {
    return permissions;
  }

  public Stream<Permission> stream() {
    return permissions.stream();
  }

  public int size() {
    return permissions.size();
  }

  public boolean isEmpty() {
    return permissions.isEmpty();
  }

  /** Whether any permission writes data or configuration ({@link AppAction#changesData()}). */
  public boolean changesData() {
    return permissions.stream().anyMatch(p -> p.action().changesData());
  }

  /** The canonical text form: codes in matrix order, comma-separated, no spaces. */
  public String code() {
    return permissions.stream().map(Permission::code).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PermissionSet set && permissions.equals(set.permissions);
  }

  @Override
  public int hashCode() {
    return permissions.hashCode();
  }

  @Override
  public String toString() {
    return "[" + code() + "]";
  }
}
