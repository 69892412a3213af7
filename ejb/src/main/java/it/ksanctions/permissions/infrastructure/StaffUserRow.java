package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.shared.CodiceFiscale;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Storage of a {@link StaffUser} in the tenant schema. */
@Entity
@Table(name = "staff_user")
public class StaffUserRow {

  @Id
  @Column(name = "username")
  private String username;

  @Column(name = "given_name", nullable = false)
  private String givenName;

  @Column(name = "surname", nullable = false)
  private String surname;

  @Column(name = "codice_fiscale")
  private String codiceFiscale;

  @Column(name = "email")
  private String email;

  @Column(name = "department_id", nullable = false)
  private String departmentId;

  @Column(name = "primary_role_code", nullable = false)
  private String primaryRoleCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private UserStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_access_at")
  private Instant lastAccessAt;

  @Column(name = "deleted", nullable = false)
  private boolean deleted;

  @Version
  @Column(name = "version")
  private int version;

  protected StaffUserRow() {}

  public static StaffUserRow of(StaffUser user, String email) {
    StaffUserRow row = new StaffUserRow();
    row.username = user.username();
    row.givenName = user.givenName();
    row.surname = user.surname();
    row.codiceFiscale = user.codiceFiscale() == null ? null : user.codiceFiscale().value();
    row.email = email;
    row.departmentId = user.departmentId();
    row.createdAt = user.createdAt();
    row.update(user);
    return row;
  }

  public void update(StaffUser user) {
    departmentId = user.departmentId();
    primaryRoleCode = user.primaryRoleCode();
    status = user.status();
    lastAccessAt = user.lastAccessAt().orElse(null);
    deleted = user.isDeleted();
  }

  public StaffUser toDomain() {
    return StaffUser.restore(
        username,
        givenName,
        surname,
        codiceFiscale == null ? null : new CodiceFiscale(codiceFiscale),
        departmentId,
        createdAt,
        primaryRoleCode,
        status,
        lastAccessAt,
        deleted);
  }

  public String username() {
    return username;
  }

  public String email() {
    return email;
  }
}
