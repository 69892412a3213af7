package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.StaffAssignment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** Storage of a {@link StaffAssignment}. */
@Entity
@Table(name = "org_assignment")
public class StaffAssignmentRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "department_code", nullable = false)
  private String departmentCode;

  @Column(name = "functional_role", nullable = false)
  private String functionalRole;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Version
  @Column(name = "version")
  private int version;

  protected StaffAssignmentRow() {}

  public static StaffAssignmentRow of(StaffAssignment assignment) {
    StaffAssignmentRow row = new StaffAssignmentRow();
    row.username = assignment.username();
    row.update(assignment);
    return row;
  }

  public void update(StaffAssignment assignment) {
    departmentCode = assignment.departmentCode();
    functionalRole = assignment.functionalRole();
    validFrom = assignment.from();
    validTo = assignment.to();
  }

  public StaffAssignment toDomain() {
    return StaffAssignment.restore(
        id, username, departmentCode, functionalRole, validFrom, validTo);
  }

  public Long id() {
    return id;
  }
}
