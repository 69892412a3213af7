package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ArticleVersionTest {

  private static final ArticleCode ART_142_C8 = ArticleCode.parse("142c8");
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

  private static ArticleVersion version(String minimum, String maximum) {
    return new ArticleVersion(
        ART_142_C8,
        minimum == null ? null : new BigDecimal(minimum),
        maximum == null ? null : new BigDecimal(maximum),
        true,
        Set.of(),
        FROM,
        null);
  }

  @Test
  void amountsAreKeptInEuroAndCents() {
    ArticleVersion version = version("173", "694.0");

    assertThat(version.minimum()).isEqualTo(new BigDecimal("173.00"));
    assertThat(version.maximum()).isEqualTo(new BigDecimal("694.00"));
    assertThat(version).isEqualTo(version("173.00", "694"));
  }

  @Test
  void aFixedAmountIsAMinimumEqualToTheMaximum() {
    ArticleVersion version = version("80", "80");

    assertThat(version.minimum()).isEqualByComparingTo(version.maximum());
  }

  @ParameterizedTest(name = "min {0} max {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "694    | 173    | the minimum 694.00 is above the maximum 173.00",
        "173.01 | 173    | the minimum 173.01 is above the maximum 173.00",
        "-42    | 173    | the minimum amount must be above zero, not -42",
        "0      | 173    | the minimum amount must be above zero, not 0",
        "42     | -173   | the maximum amount must be above zero, not -173",
        "42.005 | 173    | the minimum amount 42.005 has fractions of a cent",
        "42     | 173.001| the maximum amount 173.001 has fractions of a cent",
        "       | 173    | the minimum amount is required",
        "42     |        | the maximum amount is required"
      })
  void inconsistentAmountsAreRejected(String minimum, String maximum, String message) {
    assertThatThrownBy(() -> version(minimum, maximum))
        .isInstanceOf(InvalidArticleVersionException.class)
        .hasMessage("Article 142c8: " + message);
  }

  @Test
  void trailingZerosBeyondTheCentAreNotFractionsOfACent() {
    assertThat(version("42.000", "173.0000").minimum()).isEqualTo(new BigDecimal("42.00"));
  }

  @Test
  void validityMustNotEndBeforeItStarts() {
    assertThatThrownBy(
            () ->
                new ArticleVersion(
                    ART_142_C8,
                    BigDecimal.valueOf(173),
                    BigDecimal.valueOf(694),
                    true,
                    Set.of(),
                    LocalDate.of(2027, 1, 1),
                    LocalDate.of(2026, 12, 31)))
        .isInstanceOf(InvalidArticleVersionException.class)
        .hasMessageContaining("ends on 2026-12-31, before it starts on 2027-01-01");
  }

  @Test
  void validityStartIsRequired() {
    assertThatThrownBy(
            () ->
                new ArticleVersion(
                    ART_142_C8, BigDecimal.ONE, BigDecimal.TEN, false, Set.of(), null, null))
        .isInstanceOf(InvalidArticleVersionException.class);
  }

  @Test
  void validityIncludesBothEnds() {
    ArticleVersion version =
        new ArticleVersion(
            ART_142_C8,
            BigDecimal.valueOf(173),
            BigDecimal.valueOf(694),
            true,
            Set.of(),
            LocalDate.of(2021, 1, 1),
            LocalDate.of(2026, 12, 31));

    assertThat(version.isInForceOn(LocalDate.of(2020, 12, 31))).isFalse();
    assertThat(version.isInForceOn(LocalDate.of(2021, 1, 1))).isTrue();
    assertThat(version.isInForceOn(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(version.isInForceOn(LocalDate.of(2027, 1, 1))).isFalse();
  }

  @Test
  void anOpenEndedVersionIsInForceFromItsFirstDayOn() {
    ArticleVersion version = version("173", "694");

    assertThat(version.isInForceOn(FROM.minusDays(1))).isFalse();
    assertThat(version.isInForceOn(FROM)).isTrue();
    assertThat(version.isInForceOn(LocalDate.of(2099, 12, 31))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessorySanction.class,
      names = {"LICENCE_SUSPENSION", "VEHICLE_CONFISCATION"})
  void suspensionOrConfiscationExcludesTheReducedPayment(AccessorySanction sanction) {
    ArticleVersion version =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("142c9"),
            BigDecimal.valueOf(543),
            BigDecimal.valueOf(2170),
            EnumSet.of(AccessorySanction.DOCUMENT_WITHDRAWAL, sanction),
            FROM,
            null);

    assertThat(version.reducedPaymentAllowed()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessorySanction.class,
      names = {"VEHICLE_SEIZURE", "ADMINISTRATIVE_STOP", "DOCUMENT_WITHDRAWAL"})
  void otherAccessorySanctionsKeepTheReducedPayment(AccessorySanction sanction) {
    ArticleVersion version =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("193c2"),
            BigDecimal.valueOf(866),
            BigDecimal.valueOf(3464),
            Set.of(sanction),
            FROM,
            null);

    assertThat(version.reducedPaymentAllowed()).isTrue();
  }

  @Test
  void noAccessorySanctionsMeansTheReductionIsAllowed() {
    ArticleVersion version =
        new ArticleVersion(ART_142_C8, BigDecimal.ONE, BigDecimal.TEN, false, null, FROM, null);

    assertThat(version.accessorySanctions()).isEmpty();
    assertThat(version.reducedPaymentAllowed()).isTrue();
  }

  @Test
  void highwayCodeVersionsTakeTheNightIncreaseFromTheStatute() {
    ArticleVersion speeding =
        ArticleVersion.ofHighwayCode(
            ART_142_C8, BigDecimal.valueOf(173), BigDecimal.valueOf(694), Set.of(), FROM, null);
    ArticleVersion insurance =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("193c2"),
            BigDecimal.valueOf(866),
            BigDecimal.valueOf(3464),
            Set.of(),
            FROM,
            null);

    assertThat(speeding.nightIncreaseApplies()).isTrue();
    assertThat(insurance.nightIncreaseApplies()).isFalse();
  }

  @Test
  void aLocalCodeIsNotAHighwayCodeVersion() {
    assertThatThrownBy(
            () ->
                ArticleVersion.ofHighwayCode(
                    ArticleCode.local("ZTL-01"),
                    BigDecimal.valueOf(80),
                    BigDecimal.valueOf(80),
                    Set.of(),
                    FROM,
                    null))
        .isInstanceOf(InvalidArticleCodeException.class);
  }

  @Test
  void accessorySanctionsCannotBeChangedAfterwards() {
    EnumSet<AccessorySanction> given = EnumSet.of(AccessorySanction.VEHICLE_SEIZURE);
    ArticleVersion version =
        new ArticleVersion(ART_142_C8, BigDecimal.ONE, BigDecimal.TEN, false, given, FROM, null);

    given.add(AccessorySanction.LICENCE_SUSPENSION);

    assertThat(version.reducedPaymentAllowed()).isTrue();
    assertThatThrownBy(() -> version.accessorySanctions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static final ArticleCode ZTL_01 = ArticleCode.local("ZTL-01");

  private static ArticleVersion localWithGiuntaAmount(String giunta) {
    return ArticleVersion.ofLocalRegulation(
        ZTL_01,
        new BigDecimal("80"),
        new BigDecimal("320"),
        giunta == null ? null : new BigDecimal(giunta),
        Set.of(),
        FROM,
        null);
  }

  @Test
  void aLocalVersionKeepsTheGiuntasReducedAmountInEuroAndCents() {
    ArticleVersion version = localWithGiuntaAmount("100");

    assertThat(version.isLocalRegulation()).isTrue();
    assertThat(version.municipalReducedAmount()).isEqualTo(new BigDecimal("100.00"));
    assertThat(version.municipalReducedPayment()).contains(new BigDecimal("100.00"));
    assertThat(version).isEqualTo(localWithGiuntaAmount("100.000"));
  }

  @Test
  void withoutTheGiuntasAmountArt16c1Applies() {
    ArticleVersion version = localWithGiuntaAmount(null);

    assertThat(version.municipalReducedPayment()).isEmpty();
    assertThat(
            new ArticleVersion(
                    ZTL_01,
                    BigDecimal.valueOf(80),
                    BigDecimal.valueOf(320),
                    false,
                    Set.of(),
                    FROM,
                    null)
                .municipalReducedAmount())
        .isNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "79.99  | the municipal reduced amount 79.99 is outside the limits 80.00–320.00",
        "320.01 | the municipal reduced amount 320.01 is outside the limits 80.00–320.00",
        "0      | the municipal reduced amount must be above zero, not 0",
        "-100   | the municipal reduced amount must be above zero, not -100",
        "100.001| the municipal reduced amount 100.001 has fractions of a cent"
      })
  void theGiuntasAmountMustLieWithinTheLimitsOfTheRegulation(String giunta, String message) {
    assertThatThrownBy(() -> localWithGiuntaAmount(giunta))
        .isInstanceOf(InvalidArticleVersionException.class)
        .hasMessageStartingWith("Article ZTL-01: " + message);
  }

  @Test
  void onlyLocalRegulationsHaveAGiuntasReducedAmount() {
    assertThatThrownBy(
            () ->
                new ArticleVersion(
                    ART_142_C8,
                    BigDecimal.valueOf(173),
                    BigDecimal.valueOf(694),
                    true,
                    Set.of(),
                    FROM,
                    null,
                    BigDecimal.valueOf(200)))
        .isInstanceOf(InvalidArticleVersionException.class)
        .hasMessageContaining("L. 689/1981 art. 16 c. 2");
    assertThatThrownBy(
            () ->
                ArticleVersion.ofLocalRegulation(
                    ART_142_C8,
                    BigDecimal.valueOf(173),
                    BigDecimal.valueOf(694),
                    null,
                    Set.of(),
                    FROM,
                    null))
        .isInstanceOf(InvalidArticleCodeException.class);
  }

  @Test
  void aLocalVersionNeverCarriesTheNightIncrease() {
    ArticleVersion flagged =
        new ArticleVersion(
            ZTL_01, BigDecimal.valueOf(80), BigDecimal.valueOf(320), true, Set.of(), FROM, null);

    assertThat(flagged.nightIncreaseApplies()).isFalse();
    assertThat(flagged)
        .isEqualTo(
            new ArticleVersion(
                ZTL_01,
                BigDecimal.valueOf(80),
                BigDecimal.valueOf(320),
                false,
                Set.of(),
                FROM,
                null));
    assertThat(
            ArticleVersion.ofHighwayCode(
                    ART_142_C8, BigDecimal.ONE, BigDecimal.TEN, Set.of(), FROM, null)
                .isLocalRegulation())
        .isFalse();
  }

  @Test
  void endingAVersionKeepsEverythingElse() {
    ArticleVersion ended = localWithGiuntaAmount("100").endingOn(LocalDate.of(2026, 12, 31));

    assertThat(ended.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(ended.validFrom()).isEqualTo(FROM);
    assertThat(ended.municipalReducedAmount()).isEqualTo(new BigDecimal("100.00"));
    assertThat(ended.minimum()).isEqualTo(new BigDecimal("80.00"));
  }
}
