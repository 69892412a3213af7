package it.ksanctions.command.domain;

import java.util.Objects;

/**
 * The numbering of verbali (SPEC CMD-4): how a number is printed, the prefix used when the caller
 * names none, and whether the progressive starts again at 1 every year. Valid by construction: the
 * pattern is checked against the annual reset (a reset without the year printed is refused).
 */
public record NumberingParameters(
    VerbaleNumberPattern pattern, String defaultPrefix, boolean annualReset) {

  public static final String DEFAULT_PREFIX = "PL";

  public NumberingParameters {
    Objects.requireNonNull(pattern, "pattern");
    defaultPrefix = VerbaleNumberPattern.requireValidPrefix(defaultPrefix);
    // Re-checked with the reset, so no instance can print two years alike.
    pattern = VerbaleNumberPattern.of(pattern.text(), annualReset);
  }

  public static NumberingParameters of(String pattern, String defaultPrefix, boolean annualReset) {
    return new NumberingParameters(
        VerbaleNumberPattern.of(pattern, annualReset), defaultPrefix, annualReset);
  }

  public static NumberingParameters defaults() {
    return of(VerbaleNumberPattern.DEFAULT, DEFAULT_PREFIX, true);
  }

  /** The sequence a verbale of {@code year} draws from: its year, or 0 without annual reset. */
  public int sequenceYear(int year) {
    return annualReset ? year : 0;
  }
}
