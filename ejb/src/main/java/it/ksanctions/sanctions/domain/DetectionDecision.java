package it.ksanctions.sanctions.domain;

import java.util.Optional;

/**
 * What the rule made of one detection: the article that sanctions it (none when the facts are no
 * violation, e.g. within the speed tolerance or outside the ZTL time band) and, in Italian, the
 * rule and the figures that decided. The decision is stored with the detection, so the verbale and
 * any appeal can show why.
 */
public record DetectionDecision(Optional<String> articleCode, String rule) {

  public static DetectionDecision violation(String articleCode, String rule) {
    return new DetectionDecision(Optional.of(articleCode), rule);
  }

  public static DetectionDecision noViolation(String rule) {
    return new DetectionDecision(Optional.empty(), rule);
  }

  public boolean isViolation() {
    return articleCode.isPresent();
  }
}
