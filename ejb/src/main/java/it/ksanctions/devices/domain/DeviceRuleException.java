package it.ksanctions.devices.domain;

import it.ksanctions.shared.RuleViolation;
import java.util.Objects;

/** A rule of the Devices context was broken: the operation is refused with a clear message. */
public class DeviceRuleException extends RuntimeException implements RuleViolation {

  private static final long serialVersionUID = 1L;

  private final DeviceRule rule;

  public DeviceRuleException(DeviceRule rule, String detail) {
    super(Objects.requireNonNull(rule, "rule").code() + (detail == null ? "" : ": " + detail));
    this.rule = rule;
  }

  public DeviceRuleException(DeviceRule rule) {
    this(rule, null);
  }

  public DeviceRule rule() {
    return rule;
  }

  /** The message for the user: the rule in Italian. */
  @Override
  public String code() {
    return rule.code();
  }

  @Override
  public String italianMessage() {
    return rule.italianMessage();
  }
}
