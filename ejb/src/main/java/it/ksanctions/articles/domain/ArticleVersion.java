package it.ksanctions.articles.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the amount-and-deadline engine needs from one version of an article (SPEC ART-1, ART-2): the
 * code, the statutory minimum and maximum in euro, whether the night increase of art. 195 c. 2-bis
 * applies, the accessory sanctions, and the days it is in force.
 *
 * <p>A plain value on purpose: the catalogue's JPA entities (another part of the Articles issue)
 * convert into it, so the rules stay testable without a container and cannot be bypassed by a
 * half-loaded entity. The constructor refuses what the engine could not apply (SPEC ART-8 "importo
 * non valido"): amounts missing, not positive, with fractions of a cent, or a minimum above the
 * maximum; a fixed amount (local rules) is a version whose minimum equals its maximum. Amounts are
 * kept with scale 2 (euro and cents), so {@code 173} and {@code 173.00} are the same.
 *
 * <p>Validity is by calendar day, both ends included, as the command reads it ("valido dal … al
 * …"); {@code validTo} is {@code null} while the version is the current one. Consecutive versions
 * therefore meet as {@code validTo = 2026-12-31} and {@code validFrom = 2027-01-01}.
 *
 * <p><b>Local regulations</b> (SPEC ART-5; {@link ArticleCode#isLocal()}) are priced under L.
 * 689/1981 art. 16, not under the Highway Code (see {@link AmountAndDeadlineEngine}). Two
 * consequences here:
 *
 * <ul>
 *   <li>{@code nightIncreaseApplies} is always {@code false} for a local code, whatever the caller
 *       passes: the night increase is a Highway Code rule (art. 195 c. 2-bis) that a municipal
 *       regulation or ordinance cannot carry. Rows stored before this rule, and callers that pass
 *       the flag without looking at the code, would otherwise be refused; it is dropped instead.
 *   <li>{@code municipalReducedAmount} is the amount of the payment in reduced measure set by the
 *       Giunta comunale for this violation (L. 689/1981 art. 16 c. 2, as amended by L. 125/2008:
 *       "all'interno del limite edittale minimo e massimo"), or {@code null} when the Giunta set
 *       none and art. 16 c. 1 applies. Only local versions may carry it, and only between minimum
 *       and maximum. The catalogue stores it in {@code article_version.municipal_reduced_amount}
 *       (migration V8, ADR 0004).
 * </ul>
 */
public record ArticleVersion(
    ArticleCode code,
    BigDecimal minimum,
    BigDecimal maximum,
    boolean nightIncreaseApplies,
    Set<AccessorySanction> accessorySanctions,
    LocalDate validFrom,
    LocalDate validTo,
    BigDecimal municipalReducedAmount) {

  public ArticleVersion {
    Objects.requireNonNull(code, "code");
    requireValidAmount(code, "minimum", minimum);
    requireValidAmount(code, "maximum", maximum);
    minimum = minimum.setScale(2);
    maximum = maximum.setScale(2);
    if (minimum.compareTo(maximum) > 0) {
      throw new InvalidArticleVersionException(
          code, "the minimum " + minimum + " is above the maximum " + maximum);
    }
    if (code.isLocal()) {
      nightIncreaseApplies = false;
    }
    if (municipalReducedAmount != null) {
      if (code.isHighwayCode()) {
        throw new InvalidArticleVersionException(
            code,
            "a reduced amount set by the municipality (L. 689/1981 art. 16 c. 2) applies only to"
                + " local regulations and ordinances");
      }
      requireValidAmount(code, "municipal reduced", municipalReducedAmount);
      municipalReducedAmount = municipalReducedAmount.setScale(2);
      if (municipalReducedAmount.compareTo(minimum) < 0
          || municipalReducedAmount.compareTo(maximum) > 0) {
        throw new InvalidArticleVersionException(
            code,
            "the municipal reduced amount "
                + municipalReducedAmount
                + " is outside the limits "
                + minimum
                + "–"
                + maximum
                + " (L. 689/1981 art. 16 c. 2)");
      }
    }
    accessorySanctions = accessorySanctions == null ? Set.of() : Set.copyOf(accessorySanctions);
    if (validFrom == null) {
      throw new InvalidArticleVersionException(code, "the first day of validity is required");
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new InvalidArticleVersionException(
          code, "the validity ends on " + validTo + ", before it starts on " + validFrom);
    }
  }

  /**
   * A version without a municipal reduced amount: every Highway Code version, and local versions
   * priced by art. 16 c. 1 of L. 689/1981.
   */
  public ArticleVersion(
      ArticleCode code,
      BigDecimal minimum,
      BigDecimal maximum,
      boolean nightIncreaseApplies,
      Set<AccessorySanction> accessorySanctions,
      LocalDate validFrom,
      LocalDate validTo) {
    this(
        code, minimum, maximum, nightIncreaseApplies, accessorySanctions, validFrom, validTo, null);
  }

  /**
   * A version of a local regulation or ordinance (SPEC ART-5): no night increase, and the reduced
   * amount the Giunta set for it under L. 689/1981 art. 16 c. 2, or {@code null} for the rule of
   * art. 16 c. 1.
   */
  public static ArticleVersion ofLocalRegulation(
      ArticleCode code,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal municipalReducedAmount,
      Set<AccessorySanction> accessorySanctions,
      LocalDate validFrom,
      LocalDate validTo) {
    if (!code.isLocal()) {
      throw new InvalidArticleCodeException(code.value(), "is not a local regulation's code");
    }
    return new ArticleVersion(
        code,
        minimum,
        maximum,
        false,
        accessorySanctions,
        validFrom,
        validTo,
        municipalReducedAmount);
  }

  /**
   * A version of a Highway Code article whose night increase follows the list of art. 195 c. 2-bis
   * ({@link NightTimeIncrease#appliesByLaw}).
   */
  public static ArticleVersion ofHighwayCode(
      ArticleCode code,
      BigDecimal minimum,
      BigDecimal maximum,
      Set<AccessorySanction> accessorySanctions,
      LocalDate validFrom,
      LocalDate validTo) {
    if (!code.isHighwayCode()) {
      throw new InvalidArticleCodeException(code.value(), "is not a Highway Code reference");
    }
    return new ArticleVersion(
        code,
        minimum,
        maximum,
        NightTimeIncrease.appliesByLaw(code),
        accessorySanctions,
        validFrom,
        validTo);
  }

  private static void requireValidAmount(ArticleCode code, String name, BigDecimal amount) {
    if (amount == null) {
      throw new InvalidArticleVersionException(code, "the " + name + " amount is required");
    }
    if (amount.signum() <= 0) {
      throw new InvalidArticleVersionException(
          code, "the " + name + " amount must be above zero, not " + amount);
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidArticleVersionException(
          code, "the " + name + " amount " + amount + " has fractions of a cent");
    }
  }

  /**
   * Whether the 30% reduction for payment within 5 days is allowed: not when an accessory sanction
   * excludes it (art. 202 c. 1: licence suspension, vehicle confiscation).
   */
  public boolean reducedPaymentAllowed() {
    return accessorySanctions.stream().noneMatch(AccessorySanction::excludesReducedPayment);
  }

  /**
   * Whether this is a local regulation or ordinance (SPEC ART-5), priced under L. 689/1981 art. 16
   * rather than the Highway Code.
   */
  public boolean isLocalRegulation() {
    return code.isLocal();
  }

  /** The reduced amount set by the Giunta (L. 689/1981 art. 16 c. 2), if any. */
  public Optional<BigDecimal> municipalReducedPayment() {
    return Optional.ofNullable(municipalReducedAmount);
  }

  /** The same version, in force until {@code lastDay} (both ends included). */
  public ArticleVersion endingOn(LocalDate lastDay) {
    return new ArticleVersion(
        code,
        minimum,
        maximum,
        nightIncreaseApplies,
        accessorySanctions,
        validFrom,
        lastDay,
        municipalReducedAmount);
  }

  /** Whether this version applies to a violation committed on {@code day} (SPEC ART-2). */
  public boolean isInForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }
}
