package it.ksanctions.tenancy.registry;

/** Life of a tenant in the registry. */
public enum TenantStatus {
  /** Onboarding has started: role, schema and migrations are being created. */
  PROVISIONING,
  /** Onboarding failed at a step; repeating the same onboarding request resumes it. */
  FAILED,
  /** In service. */
  ACTIVE,
  /** Stopped by vendor support: pages answer 403, data is kept. */
  SUSPENDED
}
