package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.application.OrganisationChanges.Kind;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.Shift;
import it.ksanctions.command.infrastructure.ShiftRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The standard shifts of the command's departments and units (SPEC CMD-5): two active shifts of the
 * same department never cover the same moment of the week (a shift ending before it starts ends the
 * next day), so the department is locked while a shift of it is checked; a shift is deactivated,
 * never deleted.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction.
 */
@ApplicationScoped
@Transactional
public class Shifts {

  private static final Kind<ShiftRow, Shift> SHIFT =
      new Kind<>(
          s -> "Turno " + s.code(),
          Shift::code,
          Shift::summary,
          ShiftRow::toDomain,
          ShiftRow::update);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject OrganisationChanges changes;
  @Inject Departments departments;

  @Authorized(module = COMMAND, action = ACCESS)
  public List<Shift> shifts() {
    return allShifts().stream()
        .sorted(
            Comparator.comparing(Shift::departmentCode)
                .thenComparing(Shift::start)
                .thenComparing(Shift::code))
        .toList();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public Shift createShift(
      String code,
      String name,
      LocalTime start,
      LocalTime end,
      Collection<DayOfWeek> weekdays,
      String departmentCode,
      String reference) {
    runs.ensureConfigurationMayChange();
    Department department = departments.lockedDepartmentOrNull(departmentCode);
    Shift shift = Shift.create(code, name, start, end, weekdays, department, allShifts());
    if (em.find(ShiftRow.class, shift.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.shift.code-taken",
          "Esiste già un turno con codice " + shift.code() + ".");
    }
    return changes.created(SHIFT, shift, ShiftRow.of(shift), "Nuovo turno", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Shift changeShift(
      String code,
      String name,
      LocalTime start,
      LocalTime end,
      Collection<DayOfWeek> weekdays,
      String departmentCode,
      String reference) {
    runs.ensureConfigurationMayChange();
    Department department = departments.lockedDepartmentOrNull(departmentCode);
    return changes.change(
        SHIFT,
        requireRow(code),
        shift -> shift.change(name, start, end, weekdays, department, allShifts()),
        "Modifica turno",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public Shift deactivateShift(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        SHIFT,
        requireRow(code),
        Shift::deactivate,
        "Disattivazione turno",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Shift reactivateShift(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        SHIFT,
        requireRow(code),
        shift ->
            shift.reactivate(
                departments.lockedDepartmentOrNull(shift.departmentCode()), allShifts()),
        "Riattivazione turno",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- helpers

  private List<Shift> allShifts() {
    return em.createQuery("select s from ShiftRow s", ShiftRow.class).getResultList().stream()
        .map(ShiftRow::toDomain)
        .toList();
  }

  /** The row of {@code code}, however it is spelled. */
  private ShiftRow requireRow(String code) {
    ShiftRow row =
        code == null || code.isBlank()
            ? null
            : em.find(ShiftRow.class, code.strip().toUpperCase(Locale.ROOT));
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.shift.unknown",
          "Il turno «" + Objects.toString(code, "") + "» non esiste in questo comando.");
    }
    return row;
  }
}
