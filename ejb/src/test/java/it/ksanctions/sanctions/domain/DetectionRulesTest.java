package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionRulesTest {

  @Nested
  class Speed {

    /**
     * The tolerance table: 5 % of the measured speed, at least 5 km/h, cut before comparing with
     * the limit; the band by the excess without rounding (Reg. CdS art. 345; LAW-FACTS).
     */
    @ParameterizedTest(name = "{0} km/h at a limit of {1} → {2}")
    @CsvSource({
      "55, 50, none", // 55 - 5 = 50: within the limit
      "56, 50, 142c7", // 56 - 5 = 51
      "61, 50, 142c7", // 61 - 5 = 56
      "65, 50, 142c7", // 65 - 5 = 60: exactly 10 over
      "65.2, 50, 142c8", // 65.2 - 5 = 60.2 (> 10 over)
      "90, 50, 142c8", // 90 - 5 = 85: 35 over
      "100, 50, 142c9", // 100 - 5 = 95: 45 over
      "105.27, 50, 142c9", // 105.27 - 5.2635 = 100.0065: 50.0065 over
      "137, 70, 142c9bis", // 137 - 6.85 = 130.15: 60.15 over
      "136, 70, 142c9", // 136 - 6.8 = 129.2: 59.2 over
      "210, 130, 142c9bis", // 210 - 10.5 = 199.5: 69.5 over
    })
    void theExcessAfterToleranceDecidesTheParagraph(String measured, int limit, String expected) {
      DetectionDecision decision = DetectionRules.speed(new BigDecimal(measured), limit);

      if (expected.equals("none")) {
        assertThat(decision.isViolation()).isFalse();
        assertThat(decision.rule()).contains("Nessuna violazione");
      } else {
        assertThat(decision.articleCode()).contains(expected);
      }
      assertThat(decision.rule()).contains("tolleranza", "limite " + limit + " km/h");
    }

    @Test
    void aTenPointOneExcessIsAlreadyParagraphEight() {
      // 120 km/h at a 100 limit: 120 - 6 = 114 (14 over) → c. 8; 115.9 - 5.795 = 110.105 → c. 8.
      assertThat(DetectionRules.speed(new BigDecimal("115.9"), 100).articleCode())
          .contains("142c8");
      SpeedMeasurement m = new SpeedMeasurement(new BigDecimal("115.9"), 100);
      assertThat(m.excessKmh()).isEqualByComparingTo("10.105");
    }

    @Test
    void theToleranceIsFivePercentButAtLeastFive() {
      assertThat(new SpeedMeasurement(new BigDecimal("60"), 50).toleranceKmh())
          .isEqualByComparingTo("5");
      assertThat(new SpeedMeasurement(new BigDecimal("140"), 90).toleranceKmh())
          .isEqualByComparingTo("7");
    }

    @Test
    void aPlaceWithoutLimitOrARowWithoutSpeedIsRefused() {
      assertThatThrownBy(() -> DetectionRules.speed(new BigDecimal("80"), null))
          .isInstanceOf(SanctionsRuleException.class)
          .extracting(e -> ((SanctionsRuleException) e).code())
          .isEqualTo("sanctions.detection.no-speed-limit");
      assertThatThrownBy(() -> DetectionRules.speed(null, 50))
          .isInstanceOf(SanctionsRuleException.class)
          .hasMessageContaining("velocità");
    }
  }

  @Nested
  class Ztl {

    @Test
    void insideTheBandIsArticleSevenFourteen() {
      DetectionDecision d =
          DetectionRules.ztl(LocalTime.of(9, 30), LocalTime.of(8, 0), LocalTime.of(20, 0));
      assertThat(d.articleCode()).contains("7c14");
      assertThat(d.rule()).contains("09:30", "dalle 08:00 alle 20:00");
    }

    @Test
    void outsideTheBandIsNoViolation() {
      assertThat(
              DetectionRules.ztl(LocalTime.of(20, 0), LocalTime.of(8, 0), LocalTime.of(20, 0))
                  .isViolation())
          .isFalse();
    }

    @Test
    void aBandAcrossMidnightAndAnAllDayZone() {
      assertThat(
              DetectionRules.ztl(LocalTime.of(1, 0), LocalTime.of(22, 0), LocalTime.of(6, 0))
                  .isViolation())
          .isTrue();
      assertThat(
              DetectionRules.ztl(LocalTime.of(12, 0), LocalTime.of(22, 0), LocalTime.of(6, 0))
                  .isViolation())
          .isFalse();
      assertThat(DetectionRules.ztl(LocalTime.of(12, 0), null, null).isViolation()).isTrue();
    }
  }

  @Test
  void aRedLightPassageIsArticleOneFortySixThree() {
    assertThat(DetectionRules.redLight().articleCode()).contains("146c3");
  }
}
