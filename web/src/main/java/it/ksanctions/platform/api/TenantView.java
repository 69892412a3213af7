package it.ksanctions.platform.api;

import it.ksanctions.tenancy.registry.Tenant;
import java.time.Instant;
import java.util.List;

/** A tenant as the platform API shows it. */
public record TenantView(
    String slug,
    String displayName,
    String kind,
    String taxCode,
    String patronSaintDay,
    List<String> hostnames,
    String status,
    String statusReason,
    String schema,
    Instant created,
    Instant onboardingCompleted,
    Long onboardingDurationMillis,
    String onboardingError,
    String migrationStatus,
    String schemaVersion,
    String migrationError,
    String identityOrganizationId,
    InitialAdministrator initialAdministrator) {

  /** The first administrator's one-time credentials, shown only in the answer that created them. */
  public record InitialAdministrator(String username, String temporaryPassword) {}

  TenantView withInitialAdministrator(InitialAdministrator administrator) {
    return new TenantView(
        slug,
        displayName,
        kind,
        taxCode,
        patronSaintDay,
        hostnames,
        status,
        statusReason,
        schema,
        created,
        onboardingCompleted,
        onboardingDurationMillis,
        onboardingError,
        migrationStatus,
        schemaVersion,
        migrationError,
        identityOrganizationId,
        administrator);
  }

  static TenantView of(Tenant t) {
    return new TenantView(
        t.getSlug(),
        t.getDisplayName(),
        t.getKind().name(),
        t.getTaxCode(),
        t.getPatronSaintDay(),
        List.copyOf(t.getHostnames()),
        t.getStatus().name(),
        t.getStatusReason(),
        t.getSchemaName(),
        t.getCreatedAt(),
        t.getOnboardingCompletedAt(),
        t.getOnboardingMillis(),
        t.getOnboardingError(),
        t.getMigrationStatus().name(),
        t.getSchemaVersion(),
        t.getMigrationError(),
        t.getIdentityOrganizationId(),
        null);
  }
}
