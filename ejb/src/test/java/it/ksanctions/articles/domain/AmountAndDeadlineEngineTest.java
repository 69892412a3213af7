package it.ksanctions.articles.domain;

import static it.ksanctions.articles.domain.PaymentWindowType.HALF_MAXIMUM;
import static it.ksanctions.articles.domain.PaymentWindowType.MINIMUM;
import static it.ksanctions.articles.domain.PaymentWindowType.REDUCED_30;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amounts from the examples of INTEGRATIONS "Highway Code rules" (DM 31.12.2020 values), deadlines
 * from seed 001 "Articoli" and the Italian calendar.
 */
class AmountAndDeadlineEngineTest {

  private static final LocalDate IN_FORCE_FROM = LocalDate.of(2021, 1, 1);
  private static final LocalDate A_TUESDAY = LocalDate.of(2026, 3, 10);
  private static final LocalDateTime DAYTIME = A_TUESDAY.atTime(10, 0);
  private static final LocalDateTime NIGHT = A_TUESDAY.atTime(23, 15);

  private final AmountAndDeadlineEngine engine = new AmountAndDeadlineEngine();
  private final DeadlineCalendar latina = ItalianHolidayCalendar.nationalOnly();

  private static ArticleVersion highwayCode(
      String code, int minimum, int maximum, AccessorySanction... accessories) {
    return ArticleVersion.ofHighwayCode(
        ArticleCode.parse(code),
        BigDecimal.valueOf(minimum),
        BigDecimal.valueOf(maximum),
        Set.of(accessories),
        IN_FORCE_FROM,
        null);
  }

  private static BigDecimal euro(String amount) {
    return new BigDecimal(amount);
  }

  private static BigDecimal amount(PaymentWindows windows, PaymentWindowType type) {
    return windows.window(type).orElseThrow().amount();
  }

  @Nested
  class Amounts {

    @Test
    void speedingArt142c8ByDay() {
      ArticleVersion article = highwayCode("142c8", 173, 694);

      PaymentWindows windows = engine.paymentWindows(article, DAYTIME, A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isFalse();
      assertThat(windows.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount)
          .containsExactly(
              tuple(REDUCED_30, euro("121.10")),
              tuple(MINIMUM, euro("173.00")),
              tuple(HALF_MAXIMUM, euro("347.00")));
    }

    @Test
    void speedingArt142c8AtNightIncreasesMinimumAndMaximumByOneThirdBeforeTheReduction() {
      ArticleVersion article = highwayCode("142c8", 173, 694);

      PaymentWindows windows = engine.paymentWindows(article, NIGHT, A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isTrue();
      // 173 × 4/3 = 230.666… → 230.67; 173 × 4/3 × 0.7 = 161.466… → 161.47
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("230.67"));
      assertThat(amount(windows, REDUCED_30)).isEqualTo(euro("161.47"));
      // 694 × 4/3 / 2 = 462.666… → 462.67
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro("462.67"));
    }

    @ParameterizedTest(name = "{0} at {1}: reduced {2}, minimum {3}, half maximum {4}")
    @CsvSource({
      "142c7, 10:00, 29.40, 42.00, 86.50",
      "142c7, 23:00, 39.20, 56.00, 115.33",
      "146c2, 08:00, 29.40, 42.00, 86.50",
      "146c2, 05:00, 39.20, 56.00, 115.33",
      "142c8, 12:00, 121.10, 173.00, 347.00",
      "142c8, 01:00, 161.47, 230.67, 462.67"
    })
    void examplesFromTheCatalogue(
        String code, LocalTime time, String reduced, String minimum, String halfMaximum) {
      ArticleVersion article =
          code.equals("142c8") ? highwayCode(code, 173, 694) : highwayCode(code, 42, 173);

      PaymentWindows windows =
          engine.paymentWindows(article, A_TUESDAY.atTime(time), A_TUESDAY, latina);

      assertThat(amount(windows, REDUCED_30)).isEqualTo(euro(reduced));
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro(minimum));
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro(halfMaximum));
    }

    @Test
    void licenceSuspensionRemovesTheReducedWindowArt142c9() {
      ArticleVersion article =
          highwayCode("142c9", 543, 2170, AccessorySanction.LICENCE_SUSPENSION);

      PaymentWindows byDay = engine.paymentWindows(article, DAYTIME, A_TUESDAY, latina);
      PaymentWindows atNight = engine.paymentWindows(article, NIGHT, A_TUESDAY, latina);

      assertThat(byDay.reducedPaymentOffered()).isFalse();
      assertThat(byDay.windows())
          .extracting(PaymentWindow::type)
          .containsExactly(MINIMUM, HALF_MAXIMUM);
      assertThat(amount(byDay, MINIMUM)).isEqualTo(euro("543.00"));
      assertThat(amount(byDay, HALF_MAXIMUM)).isEqualTo(euro("1085.00"));
      assertThat(atNight.reducedPaymentOffered()).isFalse();
      assertThat(amount(atNight, MINIMUM)).isEqualTo(euro("724.00"));
      assertThat(amount(atNight, HALF_MAXIMUM)).isEqualTo(euro("1446.67"));
    }

    @Test
    void vehicleConfiscationRemovesTheReducedWindow() {
      // Illustrative amounts: only the accessory sanction matters here.
      ArticleVersion article =
          highwayCode("213c4", 1000, 4000, AccessorySanction.VEHICLE_CONFISCATION);

      PaymentWindows windows = engine.paymentWindows(article, DAYTIME, A_TUESDAY, latina);

      assertThat(windows.window(REDUCED_30)).isEmpty();
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("1000.00"));
    }

    @Test
    void articleOutsideTheNightListKeepsItsAmountsAtNightArt173c3bis() {
      ArticleVersion article =
          highwayCode("173c3bis", 250, 1000, AccessorySanction.LICENCE_SUSPENSION);

      PaymentWindows windows = engine.paymentWindows(article, NIGHT, A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isFalse();
      assertThat(windows.reducedPaymentOffered()).isFalse();
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("250.00"));
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro("500.00"));
    }

    @Test
    void uninsuredVehicleArt193c2AtNightHasNoIncreaseAndKeepsTheReduction() {
      ArticleVersion article = highwayCode("193c2", 866, 3464, AccessorySanction.VEHICLE_SEIZURE);

      PaymentWindows windows =
          engine.paymentWindows(article, A_TUESDAY.atTime(2, 0), A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isFalse();
      assertThat(amount(windows, REDUCED_30)).isEqualTo(euro("606.20"));
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("866.00"));
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro("1732.00"));
    }

    @ParameterizedTest(name = "{0}: night={1}")
    @CsvSource({
      "21:59:59, false, 173.00",
      "22:00:00, true, 230.67",
      "06:59:59, true, 230.67",
      "07:00:00, false, 173.00"
    })
    void nightBoundaries(LocalTime time, boolean night, String minimum) {
      ArticleVersion article = highwayCode("142c8", 173, 694);

      PaymentWindows windows =
          engine.paymentWindows(article, A_TUESDAY.atTime(time), A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isEqualTo(night);
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro(minimum));
    }

    @Test
    void aNightAcrossNewYearIsOneNight() {
      ArticleVersion article = highwayCode("142c8", 173, 694);

      PaymentWindows beforeMidnight =
          engine.paymentWindows(
              article, LocalDateTime.of(2026, 12, 31, 23, 30), LocalDate.of(2026, 12, 31), latina);
      PaymentWindows afterMidnight =
          engine.paymentWindows(
              article, LocalDateTime.of(2027, 1, 1, 0, 30), LocalDate.of(2027, 1, 1), latina);

      assertThat(beforeMidnight.nightIncrease()).isTrue();
      assertThat(afterMidnight.nightIncrease()).isTrue();
    }

    @Test
    void theEngineFollowsTheVersionsNightFlag() {
      ArticleVersion withoutFlag =
          new ArticleVersion(
              ArticleCode.parse("142c8"),
              euro("173"),
              euro("694"),
              false,
              Set.of(),
              IN_FORCE_FROM,
              null);
      // Outside the list of art. 195 c. 2-bis, but flagged by the catalogue.
      ArticleVersion flaggedByTheCatalogue =
          new ArticleVersion(
              ArticleCode.parse("158c2"),
              euro("42"),
              euro("173"),
              true,
              Set.of(),
              IN_FORCE_FROM,
              null);

      assertThat(engine.paymentWindows(withoutFlag, NIGHT, A_TUESDAY, latina).nightIncrease())
          .isFalse();
      assertThat(
              amount(
                  engine.paymentWindows(flaggedByTheCatalogue, NIGHT, A_TUESDAY, latina), MINIMUM))
          .isEqualTo(euro("56.00"));
      // Local regulations never take it: see LocalRegulations.
    }
  }

  @Nested
  class Rounding {

    private PaymentWindows windowsFor(String minimum, String maximum, LocalDateTime when) {
      ArticleVersion article =
          new ArticleVersion(
              ArticleCode.parse("142c8"),
              euro(minimum),
              euro(maximum),
              true,
              Set.of(),
              IN_FORCE_FROM,
              null);
      return engine.paymentWindows(article, when, A_TUESDAY, latina);
    }

    @Test
    void everyAmountHasTwoDecimals() {
      PaymentWindows windows = windowsFor("42", "173", DAYTIME);

      assertThat(windows.windows()).allSatisfy(w -> assertThat(w.amount().scale()).isEqualTo(2));
      assertThat(amount(windows, REDUCED_30)).hasToString("29.40");
    }

    @Test
    void halfACentRoundsUp() {
      // 12.15 × 0.7 = 8.505 and 173.01 / 2 = 86.505: HALF_UP gives .51 (HALF_EVEN would give .50)
      PaymentWindows windows = windowsFor("12.15", "173.01", DAYTIME);

      assertThat(amount(windows, REDUCED_30)).isEqualTo(euro("8.51"));
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro("86.51"));
    }

    @Test
    void belowHalfACentRoundsDown() {
      // 12.13 × 0.7 = 8.491
      assertThat(amount(windowsFor("12.13", "50", DAYTIME), REDUCED_30)).isEqualTo(euro("8.49"));
    }

    @Test
    void eachWindowIsRoundedOnceFromTheExactAmount() {
      // 10.13 × 4/3 × 0.7 = 9.4546… → 9.45; rounding the minimum first (13.51 × 0.7 = 9.457)
      // would give 9.46. 173 × 4/3 / 2 = 115.333… → 115.33; halving 230.67 would give 115.34.
      PaymentWindows windows = windowsFor("10.13", "173", NIGHT);

      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("13.51"));
      assertThat(amount(windows, REDUCED_30)).isEqualTo(euro("9.45"));
      assertThat(amount(windows, HALF_MAXIMUM)).isEqualTo(euro("115.33"));
    }

    @Test
    void forWholeEuroAmountsTheReducedSumIsSeventyPercentOfTheMinimumShown() {
      for (int minimum = 1; minimum <= 5000; minimum++) {
        for (LocalDateTime when : new LocalDateTime[] {DAYTIME, NIGHT}) {
          PaymentWindows windows = windowsFor(Integer.toString(minimum), "10000", when);

          BigDecimal fromShownMinimum =
              amount(windows, MINIMUM).multiply(euro("0.7")).setScale(2, RoundingMode.HALF_UP);
          assertThat(amount(windows, REDUCED_30))
              .as("minimum %d at %s", minimum, when.toLocalTime())
              .isEqualTo(fromShownMinimum);
        }
      }
    }
  }

  @Nested
  class Deadlines {

    private final ArticleVersion parking = highwayCode("158c2", 42, 173);

    private PaymentWindows notifiedOn(LocalDate day, DeadlineCalendar calendar) {
      return engine.paymentWindows(parking, day.minusDays(3).atTime(9, 30), day, calendar);
    }

    private static LocalDate lastDay(PaymentWindows windows, PaymentWindowType type) {
      return windows.window(type).orElseThrow().lastDay();
    }

    @ParameterizedTest(name = "notified {0}: reduced until {1}, minimum until {2} ({3})")
    @CsvSource(
        delimiter = '|',
        value = {
          "2026-03-09 | 2026-03-14 | 2026-05-08 | 5th day a Saturday stays",
          "2026-03-10 | 2026-03-16 | 2026-05-09 | 5th day a Sunday moves to Monday",
          "2024-12-20 | 2024-12-27 | 2025-02-18 | seed 001: 25/12 moves to 27/12",
          "2026-12-20 | 2026-12-28 | 2027-02-18 | 25/12 Fri, 26/12 Sat, then Sunday",
          "2026-12-28 | 2027-01-02 | 2027-02-26 | year boundary, Saturday 2 January",
          "2025-12-27 | 2026-01-02 | 2026-02-25 | New Year",
          "2026-01-01 | 2026-01-07 | 2026-03-02 | Epiphany (notified on New Year's Day)",
          "2027-01-01 | 2027-01-07 | 2027-03-02 | Epiphany 2027",
          "2026-04-01 | 2026-04-07 | 2026-06-01 | Easter Monday; 60th day a Sunday",
          "2028-04-20 | 2028-04-26 | 2028-06-19 | Liberation Day on a Tuesday",
          "2026-04-26 | 2026-05-02 | 2026-06-25 | Labour Day",
          "2026-05-28 | 2026-06-03 | 2026-07-27 | Republic Day",
          "2026-08-10 | 2026-08-17 | 2026-10-09 | Assumption on a Saturday",
          "2027-09-29 | 2027-10-05 | 2027-11-29 | 4 October 2027 (L. 151/2025)",
          "2025-09-29 | 2025-10-04 | 2025-11-28 | 4 October 2025 was not yet a holiday",
          "2027-10-27 | 2027-11-02 | 2027-12-27 | All Saints; 60th day Sunday 26/12",
          "2026-12-03 | 2026-12-09 | 2027-02-01 | Immaculate Conception",
          "2026-10-26 | 2026-10-31 | 2026-12-28 | 60th day on Christmas"
        })
    void termsStartTheDayAfterNotificationAndSkipSundaysAndHolidays(
        LocalDate notified, LocalDate reducedLastDay, LocalDate minimumLastDay, String why) {
      PaymentWindows windows = notifiedOn(notified, latina);

      assertThat(lastDay(windows, REDUCED_30)).as(why).isEqualTo(reducedLastDay);
      assertThat(lastDay(windows, MINIMUM)).as(why).isEqualTo(minimumLastDay);
      assertThat(lastDay(windows, HALF_MAXIMUM)).isNull();
    }

    @Test
    void contestationOnTheSpotCountsFromTheNextDay() {
      LocalDate monday = LocalDate.of(2026, 3, 9);

      PaymentWindows windows = engine.paymentWindows(parking, monday.atTime(8, 0), monday, latina);

      assertThat(lastDay(windows, REDUCED_30)).isEqualTo(LocalDate.of(2026, 3, 14));
      assertThat(lastDay(windows, MINIMUM)).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    void thePatronSaintDayOfTheTenantMovesTheDeadlineTorino() {
      DeadlineCalendar torino = ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(6, 24));
      LocalDate fifthDayIsStJohn = LocalDate.of(2026, 6, 19);
      LocalDate sixtiethDayIsStJohn = LocalDate.of(2026, 4, 25);

      assertThat(lastDay(notifiedOn(fifthDayIsStJohn, torino), REDUCED_30))
          .isEqualTo(LocalDate.of(2026, 6, 25));
      assertThat(lastDay(notifiedOn(fifthDayIsStJohn, latina), REDUCED_30))
          .isEqualTo(LocalDate.of(2026, 6, 24));
      assertThat(lastDay(notifiedOn(sixtiethDayIsStJohn, torino), MINIMUM))
          .isEqualTo(LocalDate.of(2026, 6, 25));
      assertThat(lastDay(notifiedOn(sixtiethDayIsStJohn, latina), MINIMUM))
          .isEqualTo(LocalDate.of(2026, 6, 24));
    }

    @Test
    void withoutTheReductionOnlyTheSixtyDayTermRemains() {
      ArticleVersion article =
          highwayCode("142c9", 543, 2170, AccessorySanction.LICENCE_SUSPENSION);

      PaymentWindows windows =
          engine.paymentWindows(article, DAYTIME, LocalDate.of(2026, 10, 26), latina);

      assertThat(windows.window(REDUCED_30)).isEmpty();
      assertThat(lastDay(windows, MINIMUM)).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void theTermsFollowTheCalendarItIsGiven() {
      DeadlineCalendar everyDayWorks = day -> true;

      PaymentWindows windows = notifiedOn(LocalDate.of(2024, 12, 20), everyDayWorks);

      assertThat(lastDay(windows, REDUCED_30)).isEqualTo(LocalDate.of(2024, 12, 25));
    }
  }

  /**
   * Local regulations and ordinances (SPEC ART-5) under L. 689/1981 art. 16, not arts. 195, 202,
   * 203 CdS (ADR 0004).
   */
  @Nested
  class LocalRegulations {

    private final DeadlineCalendar torino =
        ItalianHolidayCalendar.withPatronSaintDay(MonthDay.of(6, 24));

    private ArticleVersion local(String code, String minimum, String maximum) {
      return ArticleVersion.ofLocalRegulation(
          ArticleCode.local(code),
          euro(minimum),
          euro(maximum),
          null,
          Set.of(),
          IN_FORCE_FROM,
          null);
    }

    private ArticleVersion localWithGiuntaAmount(
        String code, String minimum, String maximum, String giunta) {
      return ArticleVersion.ofLocalRegulation(
          ArticleCode.local(code),
          euro(minimum),
          euro(maximum),
          euro(giunta),
          Set.of(),
          IN_FORCE_FROM,
          null);
    }

    private static LocalDate lastDay(PaymentWindows windows) {
      return windows.window(MINIMUM).orElseThrow().lastDay();
    }

    @Test
    void onlyThePaymentInReducedMeasureWithinSixtyDaysIsOffered() {
      PaymentWindows windows =
          engine.paymentWindows(local("ZTL-01", "80", "320"), DAYTIME, A_TUESDAY, latina);

      assertThat(windows.nightIncrease()).isFalse();
      assertThat(windows.reducedPaymentOffered()).isFalse();
      assertThat(windows.window(REDUCED_30)).isEmpty();
      assertThat(windows.window(HALF_MAXIMUM)).isEmpty();
      // 2026-03-10 + 60 = Saturday 9 May 2026, a working day
      assertThat(windows.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount, PaymentWindow::lastDay)
          .containsExactly(tuple(MINIMUM, euro("106.67"), LocalDate.of(2026, 5, 9)));
    }

    @ParameterizedTest(name = "{0}–{1}: {2} ({3})")
    @CsvSource(
        delimiter = '|',
        value = {
          "80     | 320    | 106.67 | one third of the maximum: 106.666… < 160",
          "100    | 500    | 166.67 | one third of the maximum: 166.666… < 200",
          "50     | 100    | 33.33  | one third of the maximum rounds down: 33.333…",
          "25     | 500    | 50.00  | double the minimum: 50 < 166.67 (art. 7-bis TUEL limits)",
          "41     | 258    | 82.00  | double the minimum: 82 < 86",
          "12.15  | 500    | 24.30  | double the minimum, with cents",
          "50     | 300    | 100.00 | both give 100",
          "90     | 90     | 30.00  | a fixed amount (minimum = maximum): one third of it"
        })
    void theMoreFavourableOfOneThirdOfTheMaximumAndDoubleTheMinimum(
        String minimum, String maximum, String expected, String why) {
      PaymentWindows windows =
          engine.paymentWindows(local("REG-POL-12", minimum, maximum), DAYTIME, A_TUESDAY, latina);

      assertThat(amount(windows, MINIMUM)).as(why).isEqualTo(euro(expected));
      assertThat(amount(windows, MINIMUM).scale()).isEqualTo(2);
    }

    @Test
    void oneThirdOfTheMaximumIsRoundedHalfUpOnce() {
      // 320.50 / 3 = 106.8333… → 106.83; 320.51 / 3 = 106.8366… → 106.84
      assertThat(
              amount(
                  engine.paymentWindows(
                      local("ZTL-01", "80", "320.50"), DAYTIME, A_TUESDAY, latina),
                  MINIMUM))
          .isEqualTo(euro("106.83"));
      assertThat(
              amount(
                  engine.paymentWindows(
                      local("ZTL-01", "80", "320.51"), DAYTIME, A_TUESDAY, latina),
                  MINIMUM))
          .isEqualTo(euro("106.84"));
    }

    @Test
    void theGiuntasOwnAmountReplacesTheRuleOfArt16c1() {
      // Art. 16 c. 1 would give 106.67; the Giunta set 100 within 80–320.
      PaymentWindows lower =
          engine.paymentWindows(
              localWithGiuntaAmount("ZTL-01", "80", "320", "100"), DAYTIME, A_TUESDAY, latina);
      // Art. 16 c. 2 derogates from c. 1 even when the amount is less favourable: 150 > 50.
      PaymentWindows higher =
          engine.paymentWindows(
              localWithGiuntaAmount("REG-POL-12", "25", "500", "150"), DAYTIME, A_TUESDAY, latina);

      assertThat(lower.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount, PaymentWindow::lastDay)
          .containsExactly(tuple(MINIMUM, euro("100.00"), LocalDate.of(2026, 5, 9)));
      assertThat(higher.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount)
          .containsExactly(tuple(MINIMUM, euro("150.00")));
    }

    @ParameterizedTest(name = "Giunta amount {0} within 80–320")
    @CsvSource({"80, 80.00", "320, 320.00", "99.9, 99.90"})
    void theGiuntasAmountMayBeAnyAmountWithinTheLimits(String giunta, String expected) {
      PaymentWindows windows =
          engine.paymentWindows(
              localWithGiuntaAmount("ZTL-01", "80", "320", giunta), DAYTIME, A_TUESDAY, latina);

      assertThat(amount(windows, MINIMUM)).isEqualTo(euro(expected));
    }

    @Test
    void aFixedAmountWithTheGiuntasAmountIsPaidInFull() {
      PaymentWindows windows =
          engine.paymentWindows(
              localWithGiuntaAmount("ZTL-01", "90", "90", "90"), DAYTIME, A_TUESDAY, latina);

      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("90.00"));
    }

    @ParameterizedTest(name = "at {0}")
    @CsvSource({"23:00", "22:00", "02:30", "06:59:59"})
    void noNightIncreaseEvenWhenTheVersionWasFlagged(LocalTime time) {
      // As the back office stores it: every article it creates has the night flag set.
      ArticleVersion flagged =
          new ArticleVersion(
              ArticleCode.local("ZTL-01"),
              euro("80"),
              euro("320"),
              true,
              Set.of(),
              IN_FORCE_FROM,
              null);

      PaymentWindows windows =
          engine.paymentWindows(flagged, A_TUESDAY.atTime(time), A_TUESDAY, latina);

      assertThat(flagged.nightIncreaseApplies()).isFalse();
      assertThat(windows.nightIncrease()).isFalse();
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("106.67"));
    }

    @Test
    void noNightIncreaseOnTheGiuntasAmountAt23() {
      PaymentWindows windows =
          engine.paymentWindows(
              localWithGiuntaAmount("ZTL-01", "80", "320", "100"),
              A_TUESDAY.atTime(23, 0),
              A_TUESDAY,
              latina);

      assertThat(windows.nightIncrease()).isFalse();
      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("100.00"));
    }

    @Test
    void accessorySanctionsDoNotRemoveThePaymentInReducedMeasure() {
      ArticleVersion article =
          ArticleVersion.ofLocalRegulation(
              ArticleCode.local("REG-COM-3"),
              euro("25"),
              euro("500"),
              null,
              Set.of(AccessorySanction.VEHICLE_SEIZURE, AccessorySanction.LICENCE_SUSPENSION),
              IN_FORCE_FROM,
              null);

      PaymentWindows windows = engine.paymentWindows(article, DAYTIME, A_TUESDAY, latina);

      assertThat(windows.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount)
          .containsExactly(tuple(MINIMUM, euro("50.00")));
    }

    @ParameterizedTest(name = "notified {0}: last day {1} ({2})")
    @CsvSource(
        delimiter = '|',
        value = {
          "2026-03-10 | 2026-05-09 | 60th day a Saturday stays",
          "2026-04-01 | 2026-06-01 | 60th day a Sunday moves to Monday",
          "2026-04-03 | 2026-06-03 | 60th day on Republic Day moves to the next day",
          "2026-10-26 | 2026-12-28 | 60th day on Christmas, then St Stephen, then Sunday",
          "2027-10-27 | 2027-12-27 | 60th day Sunday 26/12, St Stephen",
          "2026-08-16 | 2026-10-15 | an ordinary Thursday"
        })
    void theSixtyDayTermCountsFromTheNextDayAndSkipsSundaysAndHolidays(
        LocalDate notified, LocalDate last, String why) {
      PaymentWindows windows =
          engine.paymentWindows(
              local("ZTL-01", "80", "320"), notified.minusDays(2).atTime(9, 0), notified, latina);

      assertThat(lastDay(windows)).as(why).isEqualTo(last);
    }

    @Test
    void theSixtyDayTermMovesPastThePatronSaintDayTorino() {
      LocalDate sixtiethDayIsStJohn = LocalDate.of(2026, 4, 25);
      ArticleVersion article = local("ZTL-01", "80", "320");
      LocalDateTime violation = LocalDateTime.of(2026, 4, 20, 9, 0);

      assertThat(lastDay(engine.paymentWindows(article, violation, sixtiethDayIsStJohn, torino)))
          .isEqualTo(LocalDate.of(2026, 6, 25));
      assertThat(lastDay(engine.paymentWindows(article, violation, sixtiethDayIsStJohn, latina)))
          .isEqualTo(LocalDate.of(2026, 6, 24));
    }

    @Test
    void contestationOnTheSpotCountsFromTheNextDay() {
      LocalDate monday = LocalDate.of(2026, 3, 9);

      PaymentWindows windows =
          engine.paymentWindows(local("ZTL-01", "80", "320"), monday.atTime(8, 0), monday, latina);

      assertThat(lastDay(windows)).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    void theVersionAndTheNotificationAreCheckedAsForHighwayCodeArticles() {
      ArticleVersion until2026 =
          ArticleVersion.ofLocalRegulation(
              ArticleCode.local("ZTL-01"),
              euro("80"),
              euro("320"),
              null,
              Set.of(),
              IN_FORCE_FROM,
              LocalDate.of(2026, 12, 31));
      LocalDateTime newYear = LocalDateTime.of(2027, 1, 1, 10, 0);

      assertThatThrownBy(
              () -> engine.paymentWindows(until2026, newYear, newYear.toLocalDate(), latina))
          .isInstanceOf(ArticleVersionNotInForceException.class)
          .hasMessageContaining("ZTL-01");
      assertThatThrownBy(
              () -> engine.paymentWindows(until2026, DAYTIME, A_TUESDAY.minusDays(1), latina))
          .isInstanceOf(NotificationBeforeViolationException.class);
    }

    @Test
    void highwayCodeArticlesKeepTheirThreeWindows() {
      // Same amounts as ZTL-01 above, priced by arts. 202 and 203 CdS.
      ArticleVersion article = highwayCode("158c2", 80, 320);

      PaymentWindows windows = engine.paymentWindows(article, DAYTIME, A_TUESDAY, latina);

      assertThat(windows.windows())
          .extracting(PaymentWindow::type, PaymentWindow::amount)
          .containsExactly(
              tuple(REDUCED_30, euro("56.00")),
              tuple(MINIMUM, euro("80.00")),
              tuple(HALF_MAXIMUM, euro("160.00")));
    }
  }

  @Nested
  class Validation {

    private final ArticleVersion until2026 =
        new ArticleVersion(
            ArticleCode.parse("142c8"),
            euro("173"),
            euro("694"),
            true,
            Set.of(),
            LocalDate.of(2021, 1, 1),
            LocalDate.of(2026, 12, 31));

    @Test
    void notificationBeforeTheViolationIsRejected() {
      assertThatThrownBy(
              () -> engine.paymentWindows(until2026, DAYTIME, A_TUESDAY.minusDays(1), latina))
          .isInstanceOf(NotificationBeforeViolationException.class)
          .hasMessageContaining("2026-03-09")
          .hasMessageContaining("2026-03-10");
    }

    @Test
    void aVersionNotInForceOnTheViolationDayIsRejected() {
      LocalDateTime newYearsNight = LocalDateTime.of(2027, 1, 1, 0, 30);

      assertThatThrownBy(
              () ->
                  engine.paymentWindows(
                      until2026, newYearsNight, newYearsNight.toLocalDate(), latina))
          .isInstanceOf(ArticleVersionNotInForceException.class)
          .hasMessageContaining("142c8")
          .hasMessageContaining("2027-01-01");
    }

    @Test
    void aVersionNotYetInForceIsRejected() {
      LocalDateTime before = LocalDateTime.of(2020, 12, 31, 12, 0);

      assertThatThrownBy(
              () -> engine.paymentWindows(until2026, before, before.toLocalDate(), latina))
          .isInstanceOf(ArticleVersionNotInForceException.class);
    }

    @Test
    void theLastDayOfAVersionStillApplies() {
      LocalDateTime lastEvening = LocalDateTime.of(2026, 12, 31, 21, 0);

      PaymentWindows windows =
          engine.paymentWindows(until2026, lastEvening, LocalDate.of(2027, 1, 15), latina);

      assertThat(amount(windows, MINIMUM)).isEqualTo(euro("173.00"));
    }

    @Test
    void missingInputsAreRejected() {
      assertThatThrownBy(() -> engine.paymentWindows(null, DAYTIME, A_TUESDAY, latina))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> engine.paymentWindows(until2026, null, A_TUESDAY, latina))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> engine.paymentWindows(until2026, DAYTIME, null, latina))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> engine.paymentWindows(until2026, DAYTIME, A_TUESDAY, null))
          .isInstanceOf(NullPointerException.class);
    }
  }
}
