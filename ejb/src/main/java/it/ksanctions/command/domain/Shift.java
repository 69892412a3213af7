package it.ksanctions.command.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A standard shift of a department ("turni e orari standard", seed 001 §11.4): code, name, start
 * and end time, the weekdays it is worked on. A shift whose end is earlier than its start crosses
 * midnight and ends the next day (22:00-06:00 on Friday ends on Saturday at 06:00).
 *
 * <p>Rules: start and end differ (a shift lasts less than 24 hours); at least one weekday; the
 * department is active; two active shifts of the same department never cover the same moment of the
 * week — compared on the weekly timeline, so the part of a night shift after midnight counts on the
 * next day, and a shift may start exactly when another ends.
 */
public final class Shift {

  private static final int DAY = 24 * 60;
  private static final int WEEK = 7 * DAY;
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final String[] DAY_LABELS = {"lun", "mar", "mer", "gio", "ven", "sab", "dom"};

  private final String code;
  private String name;
  private LocalTime start;
  private LocalTime end;
  private Set<DayOfWeek> weekdays;
  private String departmentCode;
  private boolean active;

  private Shift(String code) {
    this.code = code;
  }

  /**
   * A new, active shift.
   *
   * @param otherShifts shifts to check against (those of other departments or inactive are ignored)
   */
  public static Shift create(
      String code,
      String name,
      LocalTime start,
      LocalTime end,
      Collection<DayOfWeek> weekdays,
      Department department,
      Collection<Shift> otherShifts) {
    Shift shift =
        new Shift(OrganisationText.code(code, "command.organisation.shift.code-invalid", "turno"));
    shift.active = true;
    shift.apply(name, start, end, weekdays, department, otherShifts);
    return shift;
  }

  public static Shift restore(
      String code,
      String name,
      LocalTime start,
      LocalTime end,
      Collection<DayOfWeek> weekdays,
      String departmentCode,
      boolean active) {
    Shift shift = new Shift(code);
    shift.name = name;
    shift.start = start;
    shift.end = end;
    shift.weekdays =
        weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
    shift.departmentCode = departmentCode;
    shift.active = active;
    return shift;
  }

  public void change(
      String name,
      LocalTime start,
      LocalTime end,
      Collection<DayOfWeek> weekdays,
      Department department,
      Collection<Shift> otherShifts) {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.shift.inactive",
          "Il turno " + code + " è disattivato: riattivarlo prima di modificarlo.");
    }
    apply(name, start, end, weekdays, department, otherShifts);
  }

  private void apply(
      String newName,
      LocalTime newStart,
      LocalTime newEnd,
      Collection<DayOfWeek> newWeekdays,
      Department department,
      Collection<Shift> otherShifts) {
    String checkedName =
        OrganisationText.name(
            newName, 2, 100, "command.organisation.shift.name-invalid", "il nome del turno");
    if (newStart == null || newEnd == null) {
      throw new CommandRuleException(
          "command.organisation.shift.time-required",
          "Indicare l'orario di inizio e di fine del turno (hh:mm).");
    }
    if (newStart.equals(newEnd)) {
      throw new CommandRuleException(
          "command.organisation.shift.time-invalid",
          "L'orario di fine deve essere diverso da quello di inizio: un turno dura meno di 24"
              + " ore.");
    }
    if (newWeekdays == null || newWeekdays.isEmpty()) {
      throw new CommandRuleException(
          "command.organisation.shift.weekdays-required",
          "Scegliere almeno un giorno della settimana per il turno.");
    }
    if (department == null) {
      throw new CommandRuleException(
          "command.organisation.shift.department-required", "Scegliere il reparto del turno.");
    }
    if (!department.active()) {
      throw new CommandRuleException(
          "command.organisation.shift.department-inactive",
          "Il reparto " + department.code() + " è disattivato: scegliere un reparto attivo.");
    }
    Shift candidate =
        restore(
            code,
            checkedName,
            newStart.withSecond(0).withNano(0),
            newEnd.withSecond(0).withNano(0),
            newWeekdays,
            department.code(),
            true);
    if (candidate.start.equals(candidate.end)) {
      throw new CommandRuleException(
          "command.organisation.shift.time-invalid",
          "L'orario di fine deve essere diverso da quello di inizio: un turno dura meno di 24"
              + " ore.");
    }
    if (active) {
      candidate.requireNoOverlap(otherShifts);
    }
    name = candidate.name;
    start = candidate.start;
    end = candidate.end;
    weekdays = candidate.weekdays;
    departmentCode = candidate.departmentCode;
  }

  private void requireNoOverlap(Collection<Shift> otherShifts) {
    for (Shift other : otherShifts == null ? List.<Shift>of() : otherShifts) {
      if (other.active
          && !other.code.equals(code)
          && other.departmentCode.equals(departmentCode)
          && overlaps(other)) {
        throw new CommandRuleException(
            "command.organisation.shift.overlap",
            "Il turno "
                + code
                + " ("
                + timetable()
                + ") si sovrappone al turno "
                + other.code
                + " ("
                + other.timetable()
                + ") dello stesso reparto "
                + departmentCode
                + ": cambiare orari o giorni.");
      }
    }
  }

  /** Whether the two shifts cover a common moment of the week (their departments aside). */
  public boolean overlaps(Shift other) {
    for (int[] a : intervals()) {
      for (int[] b : other.intervals()) {
        if (a[0] < b[1] && b[0] < a[1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Minutes of the week [from, to) the shift covers; Sunday night wraps to Monday morning. */
  private List<int[]> intervals() {
    int startMinute = start.getHour() * 60 + start.getMinute();
    int endMinute = end.getHour() * 60 + end.getMinute();
    int length = crossesMidnight() ? endMinute + DAY - startMinute : endMinute - startMinute;
    List<int[]> intervals = new ArrayList<>();
    for (DayOfWeek day : weekdays) {
      int from = (day.getValue() - 1) * DAY + startMinute;
      int to = from + length;
      if (to <= WEEK) {
        intervals.add(new int[] {from, to});
      } else {
        intervals.add(new int[] {from, WEEK});
        intervals.add(new int[] {0, to - WEEK});
      }
    }
    return intervals;
  }

  /** Whether the shift ends the day after it starts. */
  public boolean crossesMidnight() {
    return end.isBefore(start);
  }

  public void deactivate() {
    if (!active) {
      throw new CommandRuleException(
          "command.organisation.shift.already-inactive",
          "Il turno " + code + " è già disattivato.");
    }
    active = false;
  }

  /** Reactivates the shift, unless it now overlaps another active shift of its department. */
  public void reactivate(Department department, Collection<Shift> otherShifts) {
    if (active) {
      throw new CommandRuleException(
          "command.organisation.shift.already-active", "Il turno " + code + " è già attivo.");
    }
    if (department == null || !department.active()) {
      throw new CommandRuleException(
          "command.organisation.shift.department-inactive",
          "Il reparto " + departmentCode + " è disattivato: il turno non si può riattivare.");
    }
    requireNoOverlap(otherShifts);
    active = true;
  }

  /** "lun, mar, ven 22:00-06:00 (fino al giorno dopo)". */
  public String timetable() {
    return weekdays.stream()
            .map(d -> DAY_LABELS[d.getValue() - 1])
            .collect(Collectors.joining(", "))
        + " "
        + HH_MM.format(start)
        + "-"
        + HH_MM.format(end)
        + (crossesMidnight() ? " (fino al giorno dopo)" : "");
  }

  public String summary() {
    return name + ", " + departmentCode + ", " + timetable() + (active ? "" : ", disattivato");
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public LocalTime start() {
    return start;
  }

  public LocalTime end() {
    return end;
  }

  /** The weekdays, Monday first. */
  public Set<DayOfWeek> weekdays() {
    return weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
  }

  public String departmentCode() {
    return departmentCode;
  }

  public boolean active() {
    return active;
  }
}
