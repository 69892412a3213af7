/**
 * Permissions context (SPEC PRM-1…8; seed 001 §11.3 "Permessi"): who the command's staff are, which
 * role each holds, what each role may do in each module, which records each may see, and the
 * tamper-evident audit log of what they did.
 *
 * <p>{@code domain}: modules, actions and permissions (PRM-3), predefined and derived roles and the
 * permission matrix (PRM-2, PRM-3), staff users and their statuses (PRM-1, PRM-7), visibility
 * policies (PRM-6), the security history (PRM-7, PRM-8) and the hash-chained audit log with its
 * verifier (PRM-5), all container-free. {@code application}: the one authorisation mechanism
 * ({@code @Authorized} and its interceptor, {@code CurrentStaff}), the administration of users,
 * roles and policies with their Keycloak accounts (through the identity context's {@code
 * StaffAccounts}), the audit trail and its retention, and what other contexts may ask ({@code
 * StaffDirectory}, {@code StaffDepartments}). {@code infrastructure}: the rows and the audit log's
 * append under a tenant lock.
 *
 * <p>Every rule violation is a {@link it.ksanctions.permissions.domain.PermissionRuleException}
 * carrying a {@link it.ksanctions.permissions.domain.PermissionRule}: a stable code, an English
 * message for logs and the Italian "messaggio di sicurezza" ({@link
 * it.ksanctions.shared.RuleViolation}). The audit retention is kept in the command's settings
 * through the port {@code SettingsStore}, so this context depends on none above it (ADR 0006).
 */
package it.ksanctions.permissions;
