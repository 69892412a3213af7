/**
 * Platform context (SPEC PLT-1…3, PLT-10): onboarding of tenants by vendor support staff, their
 * suspension and reactivation, schema migrations of every tenant at start-up, the platform audit
 * trail, and the vendor's actions that span commands (credential key rotation, jobs run now). It
 * sits above every other context and orchestrates them (ADR 0006); the tenant plumbing it drives
 * (registry, schemas, scopes) is in the tenancy module, the identity provider in {@code identity}.
 */
package it.ksanctions.platform;
