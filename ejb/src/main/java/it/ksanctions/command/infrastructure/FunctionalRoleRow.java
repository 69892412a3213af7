package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.FunctionalRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of a {@link FunctionalRole}. */
@Entity
@Table(name = "org_functional_role")
public class FunctionalRoleRow {

  @Id
  @Column(name = "name")
  private String name;

  @Column(name = "description")
  private String description;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Version
  @Column(name = "version")
  private int version;

  protected FunctionalRoleRow() {}

  public static FunctionalRoleRow of(FunctionalRole role) {
    FunctionalRoleRow row = new FunctionalRoleRow();
    row.name = role.name();
    row.update(role);
    return row;
  }

  public void update(FunctionalRole role) {
    description = role.description();
    active = role.active();
  }

  public FunctionalRole toDomain() {
    return FunctionalRole.restore(name, description, active);
  }
}
