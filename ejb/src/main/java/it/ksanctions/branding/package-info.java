/**
 * Tenant branding (SPEC PLT-9, PLT-10): themes with inheritance (a tenant's overrides, then its
 * base theme, then {@code default}), WCAG AA contrast checks, and the effective branding the back
 * office and the citizen portal render. Stored in schema {@code platform} through the tenancy
 * module ({@code TenantBrandingStore}).
 */
package it.ksanctions.branding;
