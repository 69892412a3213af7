package it.ksanctions.command.domain;

import static it.ksanctions.command.domain.DepartmentTest.refused;
import static it.ksanctions.command.domain.DepartmentTest.viabilita;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftTest {

  static final Set<DayOfWeek> WEEKDAYS = Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

  static Shift shift(String code, String from, String to, Set<DayOfWeek> days, List<Shift> others) {
    return Shift.create(
        code,
        "Turno " + code,
        LocalTime.parse(from),
        LocalTime.parse(to),
        days,
        viabilita(),
        others);
  }

  @Test
  void aShiftHasTimesWeekdaysAndAnActiveDepartment() {
    Shift morning = shift("matt", "07:00", "13:00", WEEKDAYS, List.of());
    assertThat(morning.code()).isEqualTo("MATT");
    assertThat(morning.crossesMidnight()).isFalse();
    assertThat(morning.timetable()).isEqualTo("lun, mar, mer, gio, ven 07:00-13:00");

    refused(
        () -> shift("X1", "07:00", "07:00", WEEKDAYS, List.of()),
        "command.organisation.shift.time-invalid");
    refused(
        () -> shift("X1", "07:00", "13:00", Set.of(), List.of()),
        "command.organisation.shift.weekdays-required");
    refused(
        () -> Shift.create("X1", "Turno", null, LocalTime.NOON, WEEKDAYS, viabilita(), List.of()),
        "command.organisation.shift.time-required");
    Department closed =
        Department.restore("OLD", "Vecchio", DepartmentKind.DEPARTMENT, null, null, false);
    refused(
        () ->
            Shift.create(
                "X1", "Turno", LocalTime.MIDNIGHT, LocalTime.NOON, WEEKDAYS, closed, List.of()),
        "command.organisation.shift.department-inactive");
  }

  @Test
  void overlappingShiftsOfTheSameDepartmentOnTheSameDayAreRefused() {
    Shift morning = shift("MATT", "07:00", "13:00", WEEKDAYS, List.of());
    refused(
            () -> shift("POM", "12:00", "19:00", Set.of(FRIDAY, SATURDAY), List.of(morning)),
            "command.organisation.shift.overlap")
        .hasMessageContaining("MATT")
        .hasMessageContaining("stesso reparto VIABILITA");
    // Back to back, or another day, or another department: accepted.
    shift("POM", "13:00", "19:00", WEEKDAYS, List.of(morning));
    shift("SAB", "07:00", "13:00", Set.of(SATURDAY), List.of(morning));
    Shift.create(
        "ALTRO",
        "Altro reparto",
        LocalTime.of(8, 0),
        LocalTime.of(12, 0),
        WEEKDAYS,
        Department.create("CONT", "Contenzioso", DepartmentKind.DEPARTMENT, null, null),
        List.of(morning));
    // An inactive shift does not count.
    Shift old = shift("OLD", "08:00", "12:00", WEEKDAYS, List.of());
    old.deactivate();
    shift("NEW", "08:00", "12:00", Set.of(SATURDAY, SUNDAY), List.of(old));
    refused(
        () -> old.reactivate(viabilita(), List.of(morning)), "command.organisation.shift.overlap");
  }

  @Test
  void aNightShiftCrossesMidnightAndItsMorningCountsOnTheNextDay() {
    Shift night = shift("NOTTE", "22:00", "06:00", Set.of(FRIDAY), List.of());
    assertThat(night.crossesMidnight()).isTrue();
    assertThat(night.timetable()).isEqualTo("ven 22:00-06:00 (fino al giorno dopo)");
    refused(
        () -> shift("SABMATT", "05:00", "11:00", Set.of(SATURDAY), List.of(night)),
        "command.organisation.shift.overlap");
    shift("SABMATT", "06:00", "12:00", Set.of(SATURDAY), List.of(night));
    shift("VENPOM", "14:00", "22:00", Set.of(FRIDAY), List.of(night));

    // Sunday night runs into Monday morning.
    Shift sunday = shift("DOMNOTTE", "23:00", "07:00", Set.of(SUNDAY), List.of());
    refused(
        () -> shift("LUNALBA", "06:00", "08:00", Set.of(MONDAY), List.of(sunday)),
        "command.organisation.shift.overlap");
    shift("LUNMATT", "07:00", "13:00", Set.of(MONDAY), List.of(sunday));
  }

  @Test
  void aChangeIsNotCheckedAgainstItself() {
    Shift morning = shift("MATT", "07:00", "13:00", WEEKDAYS, List.of());
    morning.change(
        "Mattina lunga",
        LocalTime.of(6, 30),
        LocalTime.of(13, 30),
        WEEKDAYS,
        viabilita(),
        List.of(morning));
    assertThat(morning.start()).isEqualTo(LocalTime.of(6, 30));
    morning.deactivate();
    refused(
        () ->
            morning.change(
                "x1", LocalTime.of(6, 30), LocalTime.NOON, WEEKDAYS, viabilita(), List.of()),
        "command.organisation.shift.inactive");
  }
}
