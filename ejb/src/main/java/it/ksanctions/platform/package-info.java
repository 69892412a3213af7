/**
 * Platform context (SPEC PLT-1…3): onboarding of tenants by vendor support staff, their suspension
 * and reactivation, and schema migrations of every tenant at start-up. The tenant plumbing it
 * orchestrates (registry, schemas, scopes) is in the tenancy module.
 */
package it.ksanctions.platform;
