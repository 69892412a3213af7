package it.ksanctions.permissions.infrastructure;

import it.ksanctions.permissions.domain.VisibilityPolicy;
import it.ksanctions.permissions.domain.VisibilityScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A role's visibility scope when it differs from, or was set over, the role's default. */
@Entity
@Table(name = "visibility_policy")
public class VisibilityPolicyRow {

  @Id
  @Column(name = "role_code")
  private String roleCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "scope", nullable = false)
  private VisibilityScope scope;

  @Version
  @Column(name = "version")
  private int version;

  protected VisibilityPolicyRow() {}

  public static VisibilityPolicyRow of(VisibilityPolicy policy) {
    VisibilityPolicyRow row = new VisibilityPolicyRow();
    row.roleCode = policy.roleCode();
    row.scope = policy.scope();
    return row;
  }

  public void update(VisibilityPolicy policy) {
    scope = policy.scope();
  }

  public VisibilityPolicy toDomain() {
    return new VisibilityPolicy(roleCode, scope);
  }
}
