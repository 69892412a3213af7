package it.ksanctions.tenancy.registry;

/** Outcome of the last migration run on a tenant schema. */
public enum MigrationStatus {
  PENDING,
  CURRENT,
  FAILED
}
