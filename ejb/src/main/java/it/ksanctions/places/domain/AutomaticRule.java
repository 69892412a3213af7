package it.ksanctions.places.domain;

import java.time.LocalTime;

/**
 * What an automatic detection point enforces (PLC-1): a speed limit, ZTL access control, and the
 * time band in which the rule applies (both ends, or none for all day; a band may cross midnight).
 */
public record AutomaticRule(
    Integer speedLimitKmh, boolean ztlAccess, LocalTime from, LocalTime to) {

  public AutomaticRule {
    if (speedLimitKmh == null && !ztlAccess) {
      throw new PlaceRuleException(PlaceRule.RULE_INVALID, "no speed limit and no ZTL access");
    }
    if (speedLimitKmh != null && (speedLimitKmh < 5 || speedLimitKmh > 150)) {
      throw new PlaceRuleException(PlaceRule.RULE_INVALID, "speed limit " + speedLimitKmh);
    }
    if ((from == null) != (to == null) || from != null && from.equals(to)) {
      throw new PlaceRuleException(PlaceRule.RULE_INVALID, "time band " + from + "-" + to);
    }
  }

  /** Whether the rule applies at {@code time} (always, without a band). */
  public boolean appliesAt(LocalTime time) {
    if (from == null) {
      return true;
    }
    return from.isBefore(to)
        ? !time.isBefore(from) && time.isBefore(to)
        : !time.isBefore(from) || time.isBefore(to);
  }
}
