package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.DepartmentKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of a {@link Department}. */
@Entity
@Table(name = "org_department")
public class DepartmentRow {

  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private DepartmentKind kind;

  @Column(name = "parent_code")
  private String parentCode;

  @Column(name = "head_username")
  private String headUsername;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Version
  @Column(name = "version")
  private int version;

  protected DepartmentRow() {}

  public static DepartmentRow of(Department department) {
    DepartmentRow row = new DepartmentRow();
    row.code = department.code();
    row.kind = department.kind();
    row.update(department);
    return row;
  }

  public void update(Department department) {
    name = department.name();
    parentCode = department.parentCode();
    headUsername = department.headUsername();
    active = department.active();
  }

  public Department toDomain() {
    return Department.restore(code, name, kind, parentCode, headUsername, active);
  }
}
