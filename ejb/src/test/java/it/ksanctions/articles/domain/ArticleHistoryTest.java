package it.ksanctions.articles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleHistoryTest {

  static final ArticleCode CODE = ArticleCode.parse("142c8");
  static final ArticleChange CHANGE =
      new ArticleChange(
          "admin.latina",
          Instant.parse("2026-11-23T10:00:00Z"),
          true,
          "Aggiornamento biennale",
          "DM 31/12/2026");

  static ArticleVersion version(String min, String max, LocalDate from, LocalDate to) {
    return new ArticleVersion(
        CODE, new BigDecimal(min), new BigDecimal(max), true, Set.of(), from, to);
  }

  static ArticleHistory current() {
    return ArticleHistory.start(version("173", "694", LocalDate.of(2021, 1, 1), null), CHANGE);
  }

  @Test
  void aChangeFromADayClosesTheVersionInForceTheDayBefore() {
    ArticleHistory changed =
        current()
            .changeFrom(
                LocalDate.of(2027, 1, 1),
                new BigDecimal("180"),
                new BigDecimal("720"),
                Set.of(),
                CHANGE);

    assertThat(changed.entries()).hasSize(2);
    assertThat(changed.entries().get(0).version().validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(changed.entries().get(1).version().validFrom()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(changed.entries().get(1).version().validTo()).isNull();
    assertThat(changed.entries().get(1).change().reason()).isEqualTo("Aggiornamento biennale");
    // Violations are priced with the version of their own day.
    assertThat(changed.inForceOn(LocalDate.of(2026, 12, 31)).orElseThrow().minimum())
        .isEqualByComparingTo("173");
    assertThat(changed.inForceOn(LocalDate.of(2027, 1, 1)).orElseThrow().minimum())
        .isEqualByComparingTo("180");
    assertThat(changed.inForceOn(LocalDate.of(2020, 12, 31))).isEmpty();
    assertThat(changed.alignmentNotices(0)).isEmpty();
    // Non-destructive: the original history object is unchanged.
    assertThat(current().entries()).hasSize(1);
  }

  @Test
  void aNewVersionMustStartAfterTheLatestOne() {
    assertThatThrownBy(
            () ->
                current()
                    .changeFrom(
                        LocalDate.of(2021, 1, 1),
                        new BigDecimal("1"),
                        new BigDecimal("2"),
                        Set.of(),
                        CHANGE))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.NOT_AFTER_CURRENT_VERSION));
  }

  @Test
  void everyChangeNeedsConfirmationReasonAndLegalSource() {
    Instant now = Instant.now();
    assertThatThrownBy(() -> new ArticleChange("a", now, false, "r", "s"))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.CONFIRMATION_REQUIRED));
    assertThatThrownBy(() -> new ArticleChange("a", now, true, " ", "s"))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.REASON_REQUIRED));
    assertThatThrownBy(() -> new ArticleChange("a", now, true, "r", null))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.LEGAL_SOURCE_REQUIRED));
    assertThatThrownBy(() -> new ArticleChange("", now, true, "r", "s"))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.AUTHOR_REQUIRED));
  }

  @Test
  void anArticleInUseCannotBeDeletedOnlyRepealed() {
    assertThatThrownBy(() -> current().ensureDeletable(3))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ArticleChangeRefusedException.Reason.IN_USE))
        .hasMessageContaining("used by 3");
    current().ensureDeletable(0);

    ArticleHistory repealed = current().repealFrom(LocalDate.of(2027, 3, 1), CHANGE);
    assertThat(repealed.status()).isEqualTo(ArticleStatus.REPEALED);
    assertThat(repealed.statusChange()).contains(CHANGE);
    assertThat(repealed.inForceOn(LocalDate.of(2027, 2, 28))).isPresent();
    assertThat(repealed.inForceOn(LocalDate.of(2027, 3, 1))).isEmpty();
    assertThat(repealed.alignmentNotices(2))
        .extracting(AlignmentNotice::kind)
        .containsExactly(AlignmentNotice.Kind.REPEALED_IN_USE);
    assertThat(repealed.alignmentNotices(0)).isEmpty();
    assertThatThrownBy(
            () ->
                repealed.changeFrom(
                    LocalDate.of(2028, 1, 1), BigDecimal.ONE, BigDecimal.TEN, Set.of(), CHANGE))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(ArticleChangeRefusedException.Reason.NOT_ACTIVE));
  }

  @Test
  void gapsAndOverlapsBetweenStoredVersionsRaiseAlignmentNotices() {
    ArticleHistory gap =
        ArticleHistory.of(
            List.of(
                version("180", "720", LocalDate.of(2027, 2, 1), null),
                version("173", "694", LocalDate.of(2021, 1, 1), LocalDate.of(2026, 12, 31))),
            ArticleStatus.ACTIVE);
    assertThat(gap.alignmentNotices(0))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(AlignmentNotice.Kind.GAP);
              assertThat(n.day()).isEqualTo(LocalDate.of(2027, 1, 1));
              assertThat(n.message()).contains("2027-01-01 to 2027-01-31");
            });
    assertThat(gap.inForceOn(LocalDate.of(2027, 1, 15))).isEmpty();

    ArticleHistory overlap =
        ArticleHistory.of(
            List.of(
                version("173", "694", LocalDate.of(2021, 1, 1), null),
                version("180", "720", LocalDate.of(2027, 1, 1), null)),
            ArticleStatus.ACTIVE);
    assertThat(overlap.alignmentNotices(0))
        .extracting(AlignmentNotice::kind)
        .containsExactly(AlignmentNotice.Kind.OVERLAP);
  }

  @Test
  void versionsOfAnotherArticleCannotJoinTheHistory() {
    ArticleVersion other =
        new ArticleVersion(
            ArticleCode.parse("146c2"),
            new BigDecimal("42"),
            new BigDecimal("173"),
            true,
            Set.of(),
            LocalDate.of(2021, 1, 1),
            null);
    assertThatThrownBy(
            () ->
                ArticleHistory.of(
                    List.of(version("173", "694", LocalDate.of(2021, 1, 1), null), other),
                    ArticleStatus.ACTIVE))
        .isInstanceOfSatisfying(
            ArticleChangeRefusedException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(ArticleChangeRefusedException.Reason.DIFFERENT_ARTICLE));
  }

  @Test
  void aLocalArticleKeepsTheGiuntasAmountWhileItFitsTheNewLimits() {
    ArticleCode ztl = ArticleCode.local("ZTL-01");
    ArticleHistory history =
        ArticleHistory.start(
            ArticleVersion.ofLocalRegulation(
                ztl,
                new BigDecimal("80"),
                new BigDecimal("320"),
                new BigDecimal("100"),
                Set.of(),
                LocalDate.of(2021, 1, 1),
                null),
            CHANGE);

    ArticleHistory stillFits =
        history.changeFrom(
            LocalDate.of(2027, 1, 1),
            new BigDecimal("90"),
            new BigDecimal("360"),
            Set.of(),
            CHANGE);
    ArticleHistory outside =
        history.changeFrom(
            LocalDate.of(2027, 1, 1),
            new BigDecimal("120"),
            new BigDecimal("480"),
            Set.of(),
            CHANGE);

    assertThat(stillFits.entries())
        .extracting(e -> e.version().municipalReducedAmount())
        .containsExactly(new BigDecimal("100.00"), new BigDecimal("100.00"));
    assertThat(stillFits.entries().get(0).version().validTo())
        .isEqualTo(LocalDate.of(2026, 12, 31));
    // 100 is below the new minimum: the deliberation no longer fits, art. 16 c. 1 applies.
    assertThat(outside.entries())
        .extracting(e -> e.version().municipalReducedAmount())
        .containsExactly(new BigDecimal("100.00"), null);
  }

  @Test
  void theRepealOfALocalArticleKeepsTheGiuntasAmountOfItsLastVersion() {
    ArticleHistory repealed =
        ArticleHistory.start(
                ArticleVersion.ofLocalRegulation(
                    ArticleCode.local("ZTL-01"),
                    new BigDecimal("80"),
                    new BigDecimal("320"),
                    new BigDecimal("100"),
                    Set.of(),
                    LocalDate.of(2021, 1, 1),
                    null),
                CHANGE)
            .repealFrom(LocalDate.of(2027, 3, 1), CHANGE);

    assertThat(repealed.inForceOn(LocalDate.of(2027, 2, 28)).orElseThrow().municipalReducedAmount())
        .isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void theFormsValuesAreTakenAsGivenForTheNewVersion() {
    // 142 c. 8 is on art. 195 c. 2-bis's list; the administrator may still switch the flag off.
    ArticleHistory withoutNight =
        current()
            .changeFrom(
                LocalDate.of(2027, 1, 1),
                new BigDecimal("180"),
                new BigDecimal("720"),
                null,
                false,
                Set.of(),
                CHANGE);
    assertThat(withoutNight.entries())
        .extracting(e -> e.version().nightIncreaseApplies())
        .containsExactly(true, false);

    ArticleHistory local =
        ArticleHistory.start(
            ArticleVersion.ofLocalRegulation(
                ArticleCode.local("ZTL-01"),
                new BigDecimal("80"),
                new BigDecimal("320"),
                new BigDecimal("100"),
                Set.of(),
                LocalDate.of(2021, 1, 1),
                null),
            CHANGE);
    // A new amount of the Giunta, and none (back to art. 16 c. 1); the night flag is dropped.
    assertThat(
            local
                .changeFrom(
                    LocalDate.of(2027, 1, 1),
                    new BigDecimal("80"),
                    new BigDecimal("320"),
                    new BigDecimal("120"),
                    true,
                    Set.of(),
                    CHANGE)
                .inForceOn(LocalDate.of(2027, 1, 1))
                .orElseThrow())
        .satisfies(
            v -> {
              assertThat(v.municipalReducedAmount()).isEqualByComparingTo("120");
              assertThat(v.nightIncreaseApplies()).isFalse();
            });
    assertThat(
            local
                .changeFrom(
                    LocalDate.of(2027, 1, 1),
                    new BigDecimal("80"),
                    new BigDecimal("320"),
                    null,
                    false,
                    Set.of(),
                    CHANGE)
                .inForceOn(LocalDate.of(2027, 1, 1))
                .orElseThrow()
                .municipalReducedAmount())
        .isNull();
    // Outside the new limits, or on a Highway Code article, the domain refuses it.
    assertThatThrownBy(
            () ->
                local.changeFrom(
                    LocalDate.of(2027, 1, 1),
                    new BigDecimal("80"),
                    new BigDecimal("320"),
                    new BigDecimal("400"),
                    false,
                    Set.of(),
                    CHANGE))
        .isInstanceOf(InvalidArticleVersionException.class);
    assertThatThrownBy(
            () ->
                current()
                    .changeFrom(
                        LocalDate.of(2027, 1, 1),
                        new BigDecimal("180"),
                        new BigDecimal("720"),
                        new BigDecimal("200"),
                        true,
                        Set.of(),
                        CHANGE))
        .isInstanceOf(InvalidArticleVersionException.class);
  }
}
