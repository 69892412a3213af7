package it.ksanctions.tenancy.registry;

import it.ksanctions.tenancy.context.TenantId;

/** An immutable, cacheable view of a registry entry, enough to resolve and render a request. */
public record TenantSnapshot(
    TenantId id, String displayName, TenantKind kind, TenantStatus status) {

  static TenantSnapshot of(Tenant tenant) {
    return new TenantSnapshot(
        tenant.id(), tenant.getDisplayName(), tenant.getKind(), tenant.getStatus());
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
