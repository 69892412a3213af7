package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.VerbaleNumberPatternTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeneralParametersTest {

  static final GeneralParameters DEFAULTS = GeneralParameters.defaults();

  static GeneralParameters with(CommandParameter p, String value) {
    Map<CommandParameter, String> values = new EnumMap<>(CommandParameter.class);
    values.put(p, value);
    return GeneralParameters.fromText(values, DEFAULTS);
  }

  @Test
  void defaultsAreTheLegalTerms() {
    assertThat(DEFAULTS.deadline(ProceduralDeadline.REDUCED_PAYMENT)).isEqualTo(5);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.PAYMENT)).isEqualTo(60);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.NOTIFICATION_ITALY)).isEqualTo(90);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.NOTIFICATION_ABROAD)).isEqualTo(360);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.APPEAL_PREFETTO)).isEqualTo(60);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.APPEAL_GIUDICE_DI_PACE)).isEqualTo(30);
    assertThat(DEFAULTS.deadline(ProceduralDeadline.PRESCRIPTION)).isEqualTo(5);
    assertThat(DEFAULTS.numbering().pattern().text()).isEqualTo("{PREFISSO}/{ANNO}/{N:6}");
    assertThat(DEFAULTS.numbering().defaultPrefix()).isEqualTo("PL");
    assertThat(DEFAULTS.numbering().annualReset()).isTrue();
    assertThat(DEFAULTS.serviceStart()).isEqualTo(LocalTime.of(7, 0));
    assertThat(DEFAULTS.serviceEnd()).isEqualTo(LocalTime.of(19, 0));
    assertThat(DEFAULTS.sessionIdleMinutes()).isEqualTo(30);
    assertThat(DEFAULTS.patronSaint()).isEmpty();
  }

  @Test
  void textRoundTrips() {
    assertThat(GeneralParameters.fromText(DEFAULTS.asText(), DEFAULTS)).isEqualTo(DEFAULTS);
    assertThat(DEFAULTS.asText()).hasSize(CommandParameter.values().length);
  }

  @ParameterizedTest
  @CsvSource({
    "NOTIFICATION_ITALY_DAYS, 91",
    "NOTIFICATION_ITALY_DAYS, 0",
    "NOTIFICATION_ABROAD_DAYS, 361",
    "PRESCRIPTION_YEARS, 6",
    "REDUCED_PAYMENT_DAYS, 4",
    "REDUCED_PAYMENT_DAYS, 31",
    "PAYMENT_DAYS, 59",
    "APPEAL_PREFETTO_DAYS, 30",
    "APPEAL_GIUDICE_DI_PACE_DAYS, 29",
  })
  void deadlinesOutsideTheLegalBoundsAreRefused(CommandParameter p, String value) {
    refused(() -> with(p, value), "command.parameters.deadline-out-of-range");
  }

  @Test
  void theMessageExplainsTheLegalLimit() {
    try {
      with(CommandParameter.NOTIFICATION_ITALY_DAYS, "120");
    } catch (CommandRuleException e) {
      assertThat(e.italianMessage())
          .contains("Notifica in Italia", "120 giorni", "90 giorni", "art. 201 c. 1 CdS")
          .contains("non può estenderlo");
    }
    try {
      with(CommandParameter.REDUCED_PAYMENT_DAYS, "3");
    } catch (CommandRuleException e) {
      assertThat(e.italianMessage()).contains("art. 202 c. 1 CdS", "non può ridurli");
    }
  }

  @Test
  void aShorterInternalNotificationTargetIsAccepted() {
    GeneralParameters p = with(CommandParameter.NOTIFICATION_ITALY_DAYS, "60");
    assertThat(p.deadline(ProceduralDeadline.NOTIFICATION_ITALY)).isEqualTo(60);
    assertThat(p.differencesFrom(DEFAULTS))
        .containsExactly(CommandParameter.NOTIFICATION_ITALY_DAYS);
  }

  @Test
  void deadlinesMustBeWholeNumbers() {
    refused(
        () -> with(CommandParameter.PAYMENT_DAYS, "sessanta"), "command.parameters.number-invalid");
    refused(() -> with(CommandParameter.PAYMENT_DAYS, ""), "command.parameters.number-invalid");
  }

  @Test
  void serviceHours() {
    assertThat(with(CommandParameter.SERVICE_START, "6.30").serviceStart())
        .isEqualTo(LocalTime.of(6, 30));
    refused(() -> with(CommandParameter.SERVICE_START, "25:00"), "command.parameters.time-invalid");
    refused(() -> with(CommandParameter.SERVICE_END, "sera"), "command.parameters.time-invalid");
    refused(
        () -> with(CommandParameter.SERVICE_END, "07:00"),
        "command.parameters.service-hours-order");
  }

  @Test
  void patronSaintDay() {
    assertThat(with(CommandParameter.PATRON_SAINT_DAY, "06-24").patronSaint())
        .contains(MonthDay.of(6, 24));
    assertThat(with(CommandParameter.PATRON_SAINT_DAY, "06-24").patronSaintDayText())
        .isEqualTo("06-24");
    assertThat(with(CommandParameter.PATRON_SAINT_DAY, " ").patronSaint()).isEmpty();
    refused(
        () -> with(CommandParameter.PATRON_SAINT_DAY, "02-30"),
        "command.parameters.patron-day-invalid");
    refused(
        () -> with(CommandParameter.PATRON_SAINT_DAY, "24/06"),
        "command.parameters.patron-day-invalid");
  }

  @Test
  void sessionIdleTimeoutFiveToFourHundredEightyMinutes() {
    assertThat(with(CommandParameter.SESSION_IDLE_MINUTES, "480").sessionIdleMinutes())
        .isEqualTo(480);
    refused(
        () -> with(CommandParameter.SESSION_IDLE_MINUTES, "4"),
        "command.parameters.session-idle-out-of-range");
    refused(
        () -> with(CommandParameter.SESSION_IDLE_MINUTES, "481"),
        "command.parameters.session-idle-out-of-range");
    refused(
        () -> with(CommandParameter.SESSION_IDLE_MINUTES, "mezz'ora"),
        "command.parameters.session-idle-invalid");
  }

  @Test
  void flags() {
    assertThat(with(CommandParameter.STRONG_AUTHENTICATION, "true").strongAuthentication())
        .isTrue();
    refused(
        () -> with(CommandParameter.CITIZENS_SPID_CIE, "forse"), "command.parameters.flag-invalid");
  }

  @Test
  void theNumberingIsCheckedAsAWhole() {
    refused(
        () -> with(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}-{N}"),
        "command.numbering.year-missing");
    Map<CommandParameter, String> continuous = new EnumMap<>(CommandParameter.class);
    continuous.put(CommandParameter.NUMBERING_PATTERN, "{PREFISSO}-{N}");
    continuous.put(CommandParameter.NUMBERING_ANNUAL_RESET, "false");
    GeneralParameters p = GeneralParameters.fromText(continuous, DEFAULTS);
    assertThat(p.differencesFrom(DEFAULTS))
        .containsExactly(
            CommandParameter.NUMBERING_PATTERN, CommandParameter.NUMBERING_ANNUAL_RESET);
    refused(
        () -> with(CommandParameter.NUMBERING_PREFIX, "P/L"), "command.numbering.prefix-invalid");
  }

  @Test
  void everyParameterHasAStoredNameAndCategory() {
    for (CommandParameter p : CommandParameter.values()) {
      assertThat(CommandParameter.byKey(p.key())).contains(p);
      assertThat(p.category()).isIn(ConfigCategory.NUMBERING, ConfigCategory.PARAMETERS);
    }
    assertThat(CommandParameter.NUMBERING_PATTERN.category()).isEqualTo(ConfigCategory.NUMBERING);
    assertThat(CommandParameter.of(ProceduralDeadline.PRESCRIPTION))
        .isEqualTo(CommandParameter.PRESCRIPTION_YEARS);
  }
}
