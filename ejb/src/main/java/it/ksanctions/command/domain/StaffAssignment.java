package it.ksanctions.command.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * A staff user assigned to a department or unit with a functional role, from a day and optionally
 * until a day ("personale assegnato e ruoli funzionali", seed 001 §11.4). The assignment in effect
 * today decides the department the Permissions module sees for the user.
 *
 * <p>Rules: the department is active and the functional role one of the command's active roles; the
 * end, if any, is not before the start; one person is in one department at a time, so the periods
 * of a user's assignments never overlap (both days included; no end means open).
 */
public final class StaffAssignment {

  private final Long id;
  private final String username;
  private String departmentCode;
  private String functionalRole;
  private LocalDate from;
  private LocalDate to;

  private StaffAssignment(Long id, String username) {
    this.id = id;
    this.username = username;
  }

  /**
   * A new assignment.
   *
   * @param othersOfUser the user's other assignments, to refuse overlapping periods
   */
  public static StaffAssignment create(
      String username,
      Department department,
      FunctionalRole role,
      LocalDate from,
      LocalDate to,
      Collection<StaffAssignment> othersOfUser) {
    if (username == null || username.isBlank()) {
      throw new CommandRuleException(
          "command.organisation.assignment.user-required", "Scegliere l'utente da assegnare.");
    }
    StaffAssignment assignment = new StaffAssignment(null, username.strip());
    assignment.apply(department, role, from, to, othersOfUser);
    return assignment;
  }

  public static StaffAssignment restore(
      Long id,
      String username,
      String departmentCode,
      String functionalRole,
      LocalDate from,
      LocalDate to) {
    StaffAssignment assignment = new StaffAssignment(id, username);
    assignment.departmentCode = departmentCode;
    assignment.functionalRole = functionalRole;
    assignment.from = from;
    assignment.to = to;
    return assignment;
  }

  /** Changes department, role or period. */
  public void change(
      Department department,
      FunctionalRole role,
      LocalDate from,
      LocalDate to,
      Collection<StaffAssignment> othersOfUser) {
    apply(department, role, from, to, othersOfUser);
  }

  private void apply(
      Department department,
      FunctionalRole role,
      LocalDate newFrom,
      LocalDate newTo,
      Collection<StaffAssignment> othersOfUser) {
    if (department == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.department-required",
          "Scegliere il reparto o l'unità di assegnazione.");
    }
    if (!department.active()) {
      throw new CommandRuleException(
          "command.organisation.assignment.department-inactive",
          "Il reparto " + department.code() + " è disattivato: scegliere un reparto attivo.");
    }
    if (role == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.role-required",
          "Scegliere il ruolo funzionale tra quelli del comando.");
    }
    if (!role.active()) {
      throw new CommandRuleException(
          "command.organisation.assignment.role-inactive",
          "Il ruolo funzionale «" + role.name() + "» è disattivato: sceglierne uno attivo.");
    }
    checkPeriod(newFrom, newTo);
    for (StaffAssignment other : othersOfUser) {
      if (other != this
          && (id == null || !id.equals(other.id))
          && other.username.equalsIgnoreCase(username)
          && other.overlaps(newFrom, newTo)) {
        throw new CommandRuleException(
            "command.organisation.assignment.overlap",
            username
                + " è già assegnato a "
                + other.departmentCode
                + " "
                + other.period()
                + ": chiudere quell'assegnazione o scegliere date che non si sovrappongono.");
      }
    }
    departmentCode = department.code();
    functionalRole = role.name();
    from = newFrom;
    to = newTo;
  }

  /** Ends the assignment on {@code lastDay} (included). */
  public void end(LocalDate lastDay) {
    if (lastDay == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.end-required",
          "Indicare l'ultimo giorno dell'assegnazione.");
    }
    checkPeriod(from, lastDay);
    to = lastDay;
  }

  private static void checkPeriod(LocalDate from, LocalDate to) {
    if (from == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.from-required",
          "Indicare la data di inizio dell'assegnazione.");
    }
    if (to != null && to.isBefore(from)) {
      throw new CommandRuleException(
          "command.organisation.assignment.period-invalid",
          "La data di fine ("
              + OrganisationText.date(to)
              + ") precede quella di inizio ("
              + OrganisationText.date(from)
              + ").");
    }
  }

  /** Whether the period [from, to] shares at least one day with this assignment's. */
  public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
    boolean startsBeforeOtherEnds = otherTo == null || !from.isAfter(otherTo);
    boolean otherStartsBeforeThisEnds = to == null || !otherFrom.isAfter(to);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  public boolean inEffectOn(LocalDate day) {
    return !from.isAfter(day) && (to == null || !to.isBefore(day));
  }

  /** Whether the assignment is in effect on {@code day} or starts later. */
  public boolean currentOrPlannedOn(LocalDate day) {
    return to == null || !to.isBefore(day);
  }

  /** "dal 01/01/2026 al 31/12/2026" or "dal 01/01/2026 (senza data di fine)". */
  public String period() {
    return "dal "
        + OrganisationText.date(from)
        + (to == null ? " (senza data di fine)" : " al " + OrganisationText.date(to));
  }

  public String summary() {
    return departmentCode + ", " + functionalRole + ", " + period();
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String departmentCode() {
    return departmentCode;
  }

  public String functionalRole() {
    return functionalRole;
  }

  public LocalDate from() {
    return from;
  }

  public LocalDate to() {
    return to;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaffAssignment other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(id);
  }
}
