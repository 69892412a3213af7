package it.ksanctions.permissions.domain;

import java.util.Objects;

/**
 * A rule of the Permissions context was broken: the operation is blocked (seed §11.3 "il sistema
 * blocca l'operazione e genera un messaggio di sicurezza").
 *
 * <p>One subclass per kind of violation, so callers can catch what they can handle; all of them
 * carry the {@link PermissionRule} whose {@link #code()} the UI translates.
 */
public abstract class PermissionRuleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final PermissionRule rule;

  protected PermissionRuleException(PermissionRule rule, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public PermissionRule rule() {
    return rule;
  }

  /** The stable code of the broken rule, for the UI's message bundle and the security log. */
  public String code() {
    return rule.code();
  }
}
