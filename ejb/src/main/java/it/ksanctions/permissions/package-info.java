/**
 * Permissions context (SPEC PRM-1…8; seed 001 §11.3 "Permessi"): who the command's staff are, which
 * role each holds, what each role may do in each module, which records each may see, and the
 * tamper-evident audit log of what they did.
 *
 * <p>For now only the container-free core lives here ({@code domain}): the codice fiscale of a
 * person (PRM-1), modules, actions and permissions (PRM-3), predefined and derived roles and the
 * permission matrix (PRM-2, PRM-3), staff users and their statuses (PRM-1, PRM-7), visibility
 * policies (PRM-6), the security history of profile and policy changes (PRM-7, PRM-8) and the
 * hash-chained audit log with its verifier (PRM-5). Authentication (PRM-4), persistence and the
 * admin pages come with the rest of the Permissions issue and convert their entities into these
 * values, so every rule is enforced here and tested without a container.
 *
 * <p>Every rule violation is a {@link it.ksanctions.permissions.domain.PermissionRuleException}
 * carrying a {@link it.ksanctions.permissions.domain.PermissionRule}: an English message for logs
 * and a stable code that the UI maps to its Italian "messaggio di sicurezza".
 */
package it.ksanctions.permissions;
