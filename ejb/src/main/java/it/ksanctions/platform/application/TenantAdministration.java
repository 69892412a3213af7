package it.ksanctions.platform.application;

import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.platform.domain.PlatformRules;
import it.ksanctions.platform.infrastructure.TenantUsageQueries;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.operations.OnboardingWizardRecord;
import it.ksanctions.tenancy.operations.OnboardingWizardStore;
import it.ksanctions.tenancy.registry.MigrationStatus;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The vendor console's view of the tenants and its actions on them (SPEC PLT-3): list and search,
 * usage figures, suspension and reactivation with a reason. Every action is recorded in the
 * platform audit trail with its outcome. Callers have checked that the user is vendor support staff
 * (realm role {@code platform-admin}).
 */
@ApplicationScoped
public class TenantAdministration {

  /** A tenant's usage: staff users, devices, schema size and last activity. */
  public record Usage(
      long staffUsers, long devices, long schemaBytes, Instant lastAuditEvent, Instant lastSignIn) {

    /** The latest of the last audit event and the last sign-in. */
    public Instant lastActivity() {
      return Stream.of(lastAuditEvent, lastSignIn)
          .filter(java.util.Objects::nonNull)
          .max(Comparator.naturalOrder())
          .orElse(null);
    }
  }

  /** A row of the tenant list: the tenant, its last activity and its wizard, if any. */
  public record TenantRow(Tenant tenant, Instant lastActivity, String wizardId) {}

  @Inject TenantOnboarding onboarding;
  @Inject PlatformAudit audit;
  @Inject OnboardingWizardStore wizards;
  @Inject TenantUsageQueries usageQueries;

  /**
   * Tenants whose slug, name or host names contain {@code text} (ignoring case), in {@code status}
   * when given, by slug.
   */
  public List<TenantRow> search(String text, TenantStatus status) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return onboarding.list().stream()
        .filter(t -> status == null || t.getStatus() == status)
        .filter(t -> needle.isEmpty() || matches(t, needle))
        .map(
            t ->
                new TenantRow(
                    t,
                    lastActivity(t).orElse(null),
                    wizards.latestOf(t.getSlug()).map(OnboardingWizardRecord::getId).orElse(null)))
        .toList();
  }

  private static boolean matches(Tenant tenant, String needle) {
    return tenant.getSlug().contains(needle)
        || tenant.getDisplayName().toLowerCase(Locale.ROOT).contains(needle)
        || tenant.getHostnames().stream().anyMatch(h -> h.contains(needle));
  }

  public Optional<Tenant> find(String slug) {
    return onboarding.find(slug);
  }

  /** Usage of a tenant; tenant figures are zero while its schema is not migrated. */
  public Usage usage(String slug) {
    Tenant tenant = onboarding.find(slug).orElseThrow(() -> new UnknownTenantException(slug));
    long size = wizards.schemaSize(tenant.getSchemaName());
    if (tenant.getMigrationStatus() != MigrationStatus.CURRENT) {
      return new Usage(0, 0, size, null, null);
    }
    try (TenantScope scope = TenantScope.enter(tenant.id())) {
      return new Usage(
          usageQueries.staffUsers(),
          usageQueries.devices(),
          size,
          usageQueries.lastAuditEvent().orElse(null),
          usageQueries.lastSignIn().orElse(null));
    }
  }

  private Optional<Instant> lastActivity(Tenant tenant) {
    if (tenant.getMigrationStatus() != MigrationStatus.CURRENT) {
      return Optional.empty();
    }
    try (TenantScope scope = TenantScope.enter(tenant.id())) {
      return Stream.of(usageQueries.lastAuditEvent(), usageQueries.lastSignIn())
          .flatMap(Optional::stream)
          .max(Comparator.naturalOrder());
    } catch (RuntimeException e) {
      return Optional.empty(); // a broken schema must not hide the list
    }
  }

  /** Onboarding through the REST API, audited. */
  public OnboardingOutcome onboardByApi(OnboardingRequest request, String platformUser) {
    try {
      OnboardingOutcome outcome = onboarding.onboard(request);
      audit.success(
          platformUser,
          PlatformAudit.ONBOARDING,
          request.slug(),
          "API: "
              + request.displayName()
              + (outcome.created() ? " (creato)" : " (richiesta ripetuta)")
              + ", stato "
              + outcome.tenant().getStatus());
      return outcome;
    } catch (RuntimeException e) {
      audit.failure(
          platformUser, PlatformAudit.ONBOARDING, request.slug(), "API: " + e.getMessage());
      throw e;
    }
  }

  /** Suspension from the console: reason and explicit confirmation required. */
  public Tenant suspend(String slug, String reason, boolean confirmed, String platformUser) {
    PlatformRules.confirmed(confirmed);
    return suspendAudited(slug, PlatformRules.reason(reason), platformUser, "");
  }

  /** Suspension through the REST API, whose reason stays optional (backward compatible). */
  public Tenant suspendByApi(String slug, String reason, String platformUser) {
    return suspendAudited(slug, reason, platformUser, "API: ");
  }

  /** Reactivation from the console: reason and explicit confirmation required. */
  public Tenant reactivate(String slug, String reason, boolean confirmed, String platformUser) {
    PlatformRules.confirmed(confirmed);
    return reactivateAudited(slug, PlatformRules.reason(reason), platformUser, "");
  }

  /** Reactivation through the REST API, with an optional reason. */
  public Tenant reactivateByApi(String slug, String reason, String platformUser) {
    return reactivateAudited(slug, reason, platformUser, "API: ");
  }

  private Tenant suspendAudited(String slug, String reason, String platformUser, String via) {
    try {
      Tenant tenant = onboarding.suspend(slug, reason);
      audit.success(platformUser, PlatformAudit.SUSPENSION, slug, via + text(reason));
      return tenant;
    } catch (RuntimeException e) {
      audit.failure(
          platformUser,
          PlatformAudit.SUSPENSION,
          slug,
          via + text(reason) + " - " + e.getMessage());
      throw e;
    }
  }

  private Tenant reactivateAudited(String slug, String reason, String platformUser, String via) {
    try {
      Tenant tenant = onboarding.reactivate(slug);
      audit.success(platformUser, PlatformAudit.REACTIVATION, slug, via + text(reason));
      return tenant;
    } catch (RuntimeException e) {
      audit.failure(
          platformUser,
          PlatformAudit.REACTIVATION,
          slug,
          via + text(reason) + " - " + e.getMessage());
      throw e;
    }
  }

  private static String text(String reason) {
    return reason == null || reason.isBlank() ? "motivazione non indicata" : reason;
  }

  /** Whether a tenant can be suspended now. */
  public static boolean suspendable(Tenant tenant) {
    return tenant.getStatus() == TenantStatus.ACTIVE;
  }
}
