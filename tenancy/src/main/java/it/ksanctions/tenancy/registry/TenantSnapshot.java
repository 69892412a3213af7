package it.ksanctions.tenancy.registry;

import it.ksanctions.tenancy.context.TenantId;
import java.time.MonthDay;
import java.util.Optional;

/**
 * An immutable, cacheable view of a registry entry, enough to resolve and render a request and to
 * compute the command's deadlines (its patron-saint day is a holiday). {@code publicVersion} goes
 * up whenever what the tenant shows the public changes (its branding, its command's registry):
 * caches of that content keep the version they were read at and read again when it differs.
 */
public record TenantSnapshot(
    TenantId id,
    String displayName,
    TenantKind kind,
    TenantStatus status,
    Optional<MonthDay> patronSaintDay,
    long publicVersion) {

  static TenantSnapshot of(Tenant tenant) {
    String day = tenant.getPatronSaintDay();
    return new TenantSnapshot(
        tenant.id(),
        tenant.getDisplayName(),
        tenant.getKind(),
        tenant.getStatus(),
        day == null || day.isBlank() ? Optional.empty() : Optional.of(MonthDay.parse("--" + day)),
        tenant.getPublicVersion());
  }

  public String slug() {
    return id.slug();
  }

  /** Whether requests to this tenant may be served (onboarded and not suspended). */
  public boolean isServing() {
    return status == TenantStatus.ACTIVE;
  }

  /** Whether the tenant exists for the public: onboarding completed, active or suspended. */
  public boolean isOnboarded() {
    return status == TenantStatus.ACTIVE || status == TenantStatus.SUSPENDED;
  }
}
