/**
 * Tenant plumbing for the whole platform (SPEC PLT-1, PLT-2; DESIGN "Tenancy").
 *
 * <p>No other module touches schema names, {@code search_path}, database roles or the tenant
 * thread-local: they use {@link it.ksanctions.tenancy.context.TenantScope}, the injected {@link
 * it.ksanctions.tenancy.web.CurrentTenant}, the named locks of {@link
 * it.ksanctions.tenancy.data.TenantLocks} and the registry (checked by the architecture rules, ADR
 * 0006). Sub-packages follow the shape of a tenancy library: {@code context} (who is the tenant
 * now), {@code web} (resolution from the request), {@code data} (connection binding for Hibernate
 * and Flyway), {@code registry} (the platform schema's tenant table) and {@code migration} (Flyway
 * for the platform and every tenant schema).
 */
package it.ksanctions.tenancy;
