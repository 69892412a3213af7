package it.ksanctions.tenancy.registry;

import it.ksanctions.tenancy.context.TenantId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tenant (one police command) in the platform registry, schema {@code platform}.
 *
 * <p>The aggregate keeps its life-cycle rules: only an active tenant can be suspended and only a
 * suspended one reactivated; onboarding ends in ACTIVE or FAILED with its duration recorded.
 */
@Entity
@Table(name = "tenant", schema = "platform")
public class Tenant {

  @Id
  @Column(name = "slug", length = 31)
  private String slug;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private TenantKind kind;

  @Column(name = "tax_code", nullable = false, length = 11)
  private String taxCode;

  @Column(name = "patron_saint_day", length = 5)
  private String patronSaintDay;

  @Column(name = "schema_name", nullable = false, unique = true)
  private String schemaName;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private TenantStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "onboarding_started_at")
  private Instant onboardingStartedAt;

  @Column(name = "onboarding_completed_at")
  private Instant onboardingCompletedAt;

  @Column(name = "onboarding_millis")
  private Long onboardingMillis;

  @Column(name = "onboarding_error")
  private String onboardingError;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "migration_status", nullable = false)
  private MigrationStatus migrationStatus;

  @Column(name = "schema_version")
  private String schemaVersion;

  @Column(name = "migration_error")
  private String migrationError;

  @Column(name = "migrated_at")
  private Instant migratedAt;

  @Column(name = "identity_organization_id")
  private String identityOrganizationId;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "tenant_hostname",
      schema = "platform",
      joinColumns = @JoinColumn(name = "tenant_slug"))
  @Column(name = "hostname", nullable = false, unique = true)
  private Set<String> hostnames = new TreeSet<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /** Raised by {@link TenantRegistry#publicFaceChanged} only (read-only here). */
  @Column(name = "public_version", nullable = false, insertable = false, updatable = false)
  private long publicVersion;

  protected Tenant() {}

  /** A tenant whose onboarding starts now. */
  public Tenant(
      TenantId id,
      String displayName,
      TenantKind kind,
      String taxCode,
      String patronSaintDay,
      List<String> hostnames,
      Instant now) {
    this.slug = id.slug();
    this.schemaName = id.schemaName();
    this.displayName = displayName;
    this.kind = kind;
    this.taxCode = taxCode;
    this.patronSaintDay = patronSaintDay;
    this.hostnames = new TreeSet<>(hostnames);
    this.status = TenantStatus.PROVISIONING;
    this.migrationStatus = MigrationStatus.PENDING;
    this.createdAt = now;
    this.onboardingStartedAt = now;
  }

  /** Restarts a failed or abandoned onboarding. */
  public void restartOnboarding(Instant now) {
    if (status == TenantStatus.ACTIVE || status == TenantStatus.SUSPENDED) {
      throw new IllegalStateException("Tenant " + slug + " is already onboarded");
    }
    status = TenantStatus.PROVISIONING;
    onboardingStartedAt = now;
    onboardingError = null;
  }

  /**
   * Corrects the data of a tenant whose onboarding failed (e.g. a name the identity provider
   * refused), before the onboarding is resumed. Only a FAILED tenant can be corrected.
   */
  public void correctFailedOnboarding(
      String displayName,
      TenantKind kind,
      String taxCode,
      String patronSaintDay,
      List<String> hostnames) {
    if (status != TenantStatus.FAILED) {
      throw new IllegalStateException(
          "Only a tenant whose onboarding failed can be corrected (now " + status + ")");
    }
    this.displayName = displayName;
    this.kind = kind;
    this.taxCode = taxCode;
    this.patronSaintDay = patronSaintDay;
    this.hostnames.clear();
    this.hostnames.addAll(hostnames);
  }

  public void onboardingSucceeded(Instant now) {
    status = TenantStatus.ACTIVE;
    onboardingCompletedAt = now;
    onboardingMillis = now.toEpochMilli() - onboardingStartedAt.toEpochMilli();
    onboardingError = null;
  }

  public void onboardingFailed(String error, Instant now) {
    status = TenantStatus.FAILED;
    onboardingError = error;
    onboardingCompletedAt = now;
  }

  public void suspend(String reason, Instant now) {
    if (status == TenantStatus.SUSPENDED) {
      return;
    }
    if (status != TenantStatus.ACTIVE) {
      throw new IllegalStateException(
          "Only an active tenant can be suspended (now " + status + ")");
    }
    status = TenantStatus.SUSPENDED;
    statusReason = reason;
    suspendedAt = now;
  }

  public void reactivate() {
    if (status == TenantStatus.ACTIVE) {
      return;
    }
    if (status != TenantStatus.SUSPENDED) {
      throw new IllegalStateException(
          "Only a suspended tenant can be reactivated (now " + status + ")");
    }
    status = TenantStatus.ACTIVE;
    statusReason = null;
    suspendedAt = null;
  }

  /**
   * Changes the patron-saint day ({@code MM-DD}, or null for none), a holiday in the command's
   * calendar (it moves payment deadlines). The command's general parameters own the rule and its
   * message; this only refuses what is not a day of the year.
   */
  public void changePatronSaintDay(String day) {
    if (day != null && !isDayOfYear(day)) {
      throw new IllegalArgumentException("A patron-saint day is MM-DD: " + day);
    }
    this.patronSaintDay = day;
  }

  private static boolean isDayOfYear(String day) {
    if (!day.matches("\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      java.time.MonthDay.parse("--" + day);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /** Records the tenant's organization in the identity provider. */
  public void identityLinked(String organizationId) {
    this.identityOrganizationId = organizationId;
  }

  public void migrated(String version, Instant now) {
    migrationStatus = MigrationStatus.CURRENT;
    schemaVersion = version;
    migrationError = null;
    migratedAt = now;
  }

  public void migrationFailed(String error, Instant now) {
    migrationStatus = MigrationStatus.FAILED;
    migrationError = error;
    migratedAt = now;
  }

  public TenantId id() {
    return TenantId.of(slug);
  }

  public String getSlug() {
    return slug;
  }

  public String getDisplayName() {
    return displayName;
  }

  public TenantKind getKind() {
    return kind;
  }

  public String getTaxCode() {
    return taxCode;
  }

  public String getPatronSaintDay() {
    return patronSaintDay;
  }

  public String getSchemaName() {
    return schemaName;
  }

  public TenantStatus getStatus() {
    return status;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getOnboardingStartedAt() {
    return onboardingStartedAt;
  }

  public Instant getOnboardingCompletedAt() {
    return onboardingCompletedAt;
  }

  public Long getOnboardingMillis() {
    return onboardingMillis;
  }

  public String getOnboardingError() {
    return onboardingError;
  }

  public Instant getSuspendedAt() {
    return suspendedAt;
  }

  public MigrationStatus getMigrationStatus() {
    return migrationStatus;
  }

  public String getSchemaVersion() {
    return schemaVersion;
  }

  public String getMigrationError() {
    return migrationError;
  }

  public Instant getMigratedAt() {
    return migratedAt;
  }

  public String getIdentityOrganizationId() {
    return identityOrganizationId;
  }

  /** The version of what the tenant shows the public: its branding and its command's registry. */
  public long getPublicVersion() {
    return publicVersion;
  }

  public Set<String> getHostnames() {
    return hostnames;
  }
}
