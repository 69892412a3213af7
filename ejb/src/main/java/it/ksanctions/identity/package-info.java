/**
 * Identity context (SPEC PLT-3, PLT-7; DESIGN "Identity", ADR 0002, ADR 0006): the identity
 * provider seen from the product — a tenant's Keycloak organization and first administrator ({@code
 * TenantIdentities}) and the accounts of a command's staff ({@code StaffAccounts}), as ports in
 * {@code application} with their Keycloak admin-API adapters in {@code infrastructure}. The
 * platform (onboarding) and permissions (users) both use it; it uses no other context.
 */
package it.ksanctions.identity;
