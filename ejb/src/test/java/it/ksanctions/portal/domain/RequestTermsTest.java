package it.ksanctions.portal.domain;

import static it.ksanctions.portal.domain.RequestKind.DRIVER_IDENTIFICATION;
import static it.ksanctions.portal.domain.RequestKind.JUSTICE_OF_PEACE_APPEAL;
import static it.ksanctions.portal.domain.RequestKind.PREFETTO_APPEAL;
import static it.ksanctions.portal.domain.RequestKind.SELF_PROTECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RequestTermsTest {

  private static final LocalDate NOTIFIED = LocalDate.of(2025, 3, 10);

  @Test
  void theNotificationDayIsDayZero() {
    assertThatCode(() -> RequestTerms.check(PREFETTO_APPEAL, NOTIFIED, NOTIFIED, false, false))
        .doesNotThrowAnyException();
  }

  @Test
  void thePrefettoAppealIsInTimeOnDay60() {
    assertThat(RequestTerms.lastDay(PREFETTO_APPEAL, NOTIFIED, false))
        .contains(LocalDate.of(2025, 5, 9));
    assertThatCode(
            () ->
                RequestTerms.check(PREFETTO_APPEAL, NOTIFIED, NOTIFIED.plusDays(60), false, false))
        .doesNotThrowAnyException();
  }

  @Test
  void thePrefettoAppealIsLateOnDay61AndTheMessageNamesTheLastDay() {
    assertThatThrownBy(
            () ->
                RequestTerms.check(PREFETTO_APPEAL, NOTIFIED, NOTIFIED.plusDays(61), false, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.appeal.term-elapsed");
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Il termine per presentare ricorso al Prefetto è scaduto il 09/05/2025"
                          + " (60 giorni dalla notifica del 10/03/2025).");
            });
  }

  @Test
  void residenceAbroadDoesNotLengthenThePrefettoTerm() {
    assertThat(RequestTerms.lastDay(PREFETTO_APPEAL, NOTIFIED, true))
        .contains(NOTIFIED.plusDays(60));
    assertThatThrownBy(
            () -> RequestTerms.check(PREFETTO_APPEAL, NOTIFIED, NOTIFIED.plusDays(61), false, true))
        .isInstanceOf(PortalRuleException.class);
  }

  @ParameterizedTest(name = "resident abroad {0}: day {1} in time, day {1}+1 late")
  @CsvSource({"false, 30", "true, 60"})
  void theJusticeOfPeaceTermIs30DaysOr60Abroad(boolean abroad, int days) {
    assertThat(RequestTerms.lastDay(JUSTICE_OF_PEACE_APPEAL, NOTIFIED, abroad))
        .contains(NOTIFIED.plusDays(days));
    assertThatCode(
            () ->
                RequestTerms.check(
                    JUSTICE_OF_PEACE_APPEAL, NOTIFIED, NOTIFIED.plusDays(days), false, abroad))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                RequestTerms.check(
                    JUSTICE_OF_PEACE_APPEAL, NOTIFIED, NOTIFIED.plusDays(days + 1), false, abroad))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.appeal.term-elapsed");
              assertThat(e.italianMessage())
                  .contains("Giudice di Pace")
                  .contains(
                      NOTIFIED
                          .plusDays(days)
                          .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                  .contains(days + " giorni");
            });
  }

  @Test
  void theDriverIsNamedWithin60Days() {
    assertThat(RequestTerms.lastDay(DRIVER_IDENTIFICATION, NOTIFIED, false))
        .contains(NOTIFIED.plusDays(60));
    assertThatCode(
            () ->
                RequestTerms.check(
                    DRIVER_IDENTIFICATION, NOTIFIED, NOTIFIED.plusDays(60), true, false))
        .doesNotThrowAnyException();
    assertThatThrownBy(
            () ->
                RequestTerms.check(
                    DRIVER_IDENTIFICATION, NOTIFIED, NOTIFIED.plusDays(61), false, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.driver.term-elapsed");
              assertThat(e.italianMessage())
                  .startsWith(
                      "Il termine per comunicare i dati del conducente è scaduto il 09/05/2025");
            });
  }

  @Test
  void aPaidActCannotBeAppealedToThePrefetto() {
    assertThatThrownBy(
            () -> RequestTerms.check(PREFETTO_APPEAL, NOTIFIED, NOTIFIED.plusDays(5), true, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.appeal.paid");
              assertThat(e.italianMessage())
                  .startsWith("Il verbale risulta pagato")
                  .contains("ricorso al Prefetto");
            });
  }

  @Test
  void aPaidActCannotBeAppealedToTheGiudiceDiPaceEither() {
    assertThatThrownBy(
            () ->
                RequestTerms.check(
                    JUSTICE_OF_PEACE_APPEAL, NOTIFIED, NOTIFIED.plusDays(5), true, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class, e -> assertThat(e.code()).isEqualTo("portal.appeal.paid"));
  }

  @Test
  void anActNotYetNotifiedHasNoTermRunning() {
    assertThatThrownBy(() -> RequestTerms.check(PREFETTO_APPEAL, null, NOTIFIED, false, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.request.not-notified");
              assertThat(e.italianMessage())
                  .isEqualTo(
                      "Il verbale non risulta ancora notificato: il termine per presentare"
                          + " ricorso al Prefetto decorre dalla notifica.");
            });
    assertThatThrownBy(
            () ->
                RequestTerms.check(
                    DRIVER_IDENTIFICATION, NOTIFIED.plusDays(1), NOTIFIED, false, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.request.not-notified"));
    assertThatThrownBy(() -> RequestTerms.lastDay(JUSTICE_OF_PEACE_APPEAL, null, false))
        .isInstanceOfSatisfying(
            PortalRuleException.class,
            e -> assertThat(e.code()).isEqualTo("portal.request.not-notified"));
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestKind.class,
      names = {"SELF_PROTECTION", "OWNERSHIP_CHANGE", "WRONG_PLATE", "OTHER_COMMUNICATION"})
  void requestsWithoutATermCanBeSentAnyTimePaidOrNotNotified(RequestKind kind) {
    assertThat(RequestTerms.lastDay(kind, NOTIFIED, false)).isEmpty();
    assertThat(RequestTerms.lastDay(kind, null, true)).isEmpty();
    assertThatCode(() -> RequestTerms.check(kind, NOTIFIED, NOTIFIED.plusYears(3), true, false))
        .doesNotThrowAnyException();
    assertThatCode(() -> RequestTerms.check(kind, null, NOTIFIED, false, false))
        .doesNotThrowAnyException();
    assertThat(kind.hasTermFromNotification()).isFalse();
  }

  @Test
  void theSelfProtectionNoteSaysTheTermsAreNotSuspended() {
    assertThat(SELF_PROTECTION.italianNote())
        .hasValueSatisfying(
            note ->
                assertThat(note).contains("non è un ricorso").contains("non sospende i termini"));
  }

  @Test
  void theCommandForwardsWithin60DaysAndThePrefettoDecidesWithin120() {
    assertThat(RequestTerms.forwardDeadline(LocalDate.of(2025, 1, 1)))
        .isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(RequestTerms.prefettoDecisionDeadline(LocalDate.of(2025, 3, 2)))
        .isEqualTo(LocalDate.of(2025, 6, 30));
  }

  @ParameterizedTest
  @CsvSource({
    "PREFETTO_APPEAL, true",
    "JUSTICE_OF_PEACE_APPEAL, true",
    "SELF_PROTECTION, false",
    "DRIVER_IDENTIFICATION, false",
    "OWNERSHIP_CHANGE, false",
    "WRONG_PLATE, false",
    "OTHER_COMMUNICATION, false"
  })
  void onlyTheAppealsEndTheReducedPayment(RequestKind kind, boolean lapses) {
    assertThat(RequestTerms.reducedPaymentLapses(kind)).isEqualTo(lapses);
    assertThat(kind.lapsesReducedPayment()).isEqualTo(lapses);
  }

  @ParameterizedTest
  @EnumSource(RequestKind.class)
  void everyKindHasAnItalianLabel(RequestKind kind) {
    assertThat(kind.label()).isNotBlank().isNotEqualTo(kind.name());
  }
}
