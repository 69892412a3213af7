package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.domain.PermissionSet;
import it.ksanctions.permissions.domain.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of a derived {@link Role}; predefined roles live in the code. */
@Entity
@Table(name = "staff_role")
public class StaffRoleRow {

  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "derived_from", nullable = false)
  private String derivedFrom;

  @Column(name = "permissions", nullable = false)
  private String permissions;

  @Column(name = "deleted", nullable = false)
  private boolean deleted;

  @Version
  @Column(name = "version")
  private int version;

  protected StaffRoleRow() {}

  public static StaffRoleRow of(Role role) {
    StaffRoleRow row = new StaffRoleRow();
    row.code = role.code();
    row.name = role.name();
    row.derivedFrom = role.derivedFrom().orElseThrow();
    row.update(role);
    return row;
  }

  public void update(Role role) {
    permissions = role.permissions().code();
    deleted = role.isDeleted();
  }

  public Role toDomain() {
    return Role.derived(code, name, derivedFrom, PermissionSet.parse(permissions), deleted);
  }
}
