package it.ksanctions.permissions.domain;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One right: an action on a module (PRM-3), e.g. {@code VERBALI:VALIDATE} ("approvazione verbale").
 * Its {@link #code()} is how grants are stored and shown in the security history.
 */
public record Permission(AppModule module, AppAction action) implements Comparable<Permission> {

  private static final Comparator<Permission> ORDER =
      Comparator.comparing(Permission::module).thenComparing(Permission::action);

  public Permission {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(action, "action");
  }

  public static Permission of(AppModule module, AppAction action) {
    return new Permission(module, action);
  }

  /**
   * Reads a code like {@code VERBALI:VALIDATE}.
   *
   * @throws UnknownPermissionException when the module or the action does not exist
   */
  public static Permission parse(String code) {
    String[] parts = code == null ? new String[0] : code.strip().split(":", -1);
    if (parts.length != 2) {
      throw new UnknownPermissionException(
          "Invalid permission '" + code + "': write MODULE:ACTION, e.g. VERBALI:VALIDATE");
    }
    try {
      return new Permission(
          AppModule.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)),
          AppAction.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new UnknownPermissionException(
          "Invalid permission '" + code + "': no such module or action");
    }
  }

  /** {@code MODULE:ACTION}. */
  public String code() {
    return module.name() + ":" + action.name();
  }

  /** Module order, then action order, as the permission matrix shows them. */
  @Override
  public int compareTo(Permission other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return code();
  }
}
