package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.application.OrganisationChanges.Kind;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.DepartmentKind;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.command.infrastructure.DepartmentRow;
import it.ksanctions.command.infrastructure.StaffAssignmentRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.StaffDepartments;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The departments and units of the command (SPEC CMD-5; seed 001 §11.4 "Struttura organizzativa"):
 * a unit belongs to an active department, names are unique, the head is active staff, and a
 * department is deactivated, never deleted, only once it has no active members nor active units.
 * Their codes are the staff's departments in the Permissions module, which filter records and apply
 * "own department" visibility.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction.
 */
@ApplicationScoped
@Transactional
public class Departments {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private static final Kind<DepartmentRow, Department> DEPARTMENT =
      new Kind<>(
          d -> "Reparto " + d.code(),
          Department::code,
          Department::summary,
          DepartmentRow::toDomain,
          DepartmentRow::update);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject OrganisationChanges changes;
  @Inject StaffDepartments staff;

  Clock clock = Clock.systemUTC();

  /** A department with its active members and active units. */
  public record DepartmentView(Department department, long members, long activeUnits) {}

  /** Departments first, each followed by its units. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<DepartmentView> departments() {
    List<Department> all = allDepartments();
    Map<String, Long> members = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : activeMembersByDepartment().entrySet()) {
      members.put(e.getKey(), (long) e.getValue().size());
    }
    Map<String, Long> units = new HashMap<>();
    all.stream()
        .filter(d -> d.active() && d.parentCode() != null)
        .forEach(d -> units.merge(d.parentCode(), 1L, Long::sum));
    return all.stream()
        .sorted(
            Comparator.comparing(
                    (Department d) -> d.parentCode() == null ? d.code() : d.parentCode())
                .thenComparing(d -> d.kind() == DepartmentKind.UNIT)
                .thenComparing(Department::code))
        .map(
            d ->
                new DepartmentView(
                    d, members.getOrDefault(d.code(), 0L), units.getOrDefault(d.code(), 0L)))
        .toList();
  }

  /** The active departments and units, by code: the choices of the other forms. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<Department> activeDepartments() {
    return allDepartments().stream()
        .filter(Department::active)
        .sorted(Comparator.comparing(Department::code))
        .toList();
  }

  /**
   * Whether {@code code} is an active department or unit: what other contexts check before they
   * record a department. Not authorised by itself: it reveals only the existence of a code.
   */
  public boolean isActiveDepartment(String code) {
    if (code == null || code.isBlank()) {
      return false;
    }
    DepartmentRow row = em.find(DepartmentRow.class, code.strip().toUpperCase(Locale.ROOT));
    return row != null && row.toDomain().active();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public Department createDepartment(
      String code,
      String name,
      DepartmentKind kind,
      String parentCode,
      String headUsername,
      String reference) {
    runs.ensureConfigurationMayChange();
    Department department =
        Department.create(code, name, kind, departmentOrNull(parentCode), headUsername);
    if (em.find(DepartmentRow.class, department.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.department.code-taken",
          "Esiste già un reparto con codice " + department.code() + ".");
    }
    requireUniqueName(department);
    requireHead(department.headUsername());
    return changes.created(
        DEPARTMENT, department, DepartmentRow.of(department), "Nuovo reparto", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Department changeDepartment(
      String code, String name, String parentCode, String headUsername, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        DEPARTMENT,
        requireRow(code),
        department -> {
          department.change(name, departmentOrNull(parentCode), headUsername);
          requireUniqueName(department);
          requireHead(department.headUsername());
        },
        "Modifica reparto",
        AuditOperation.CHANGE,
        reference);
  }

  /** Deactivation instead of deletion; refused while members or units are active. */
  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public Department deactivateDepartment(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        DEPARTMENT,
        requireRow(code),
        department -> {
          long members =
              activeMembersByDepartment().getOrDefault(department.code(), Set.of()).size();
          long units =
              allDepartments().stream()
                  .filter(d -> d.active() && department.code().equals(d.parentCode()))
                  .count();
          department.deactivate(members, units);
        },
        "Disattivazione reparto",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Department reactivateDepartment(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        DEPARTMENT,
        requireRow(code),
        department ->
            department.reactivate(
                department.parentCode() == null
                    ? null
                    : requireRow(department.parentCode()).toDomain()),
        "Riattivazione reparto",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- for the other services
  // of the organisation: not authorised by themselves, their callers' use cases are

  /**
   * The department or unit {@code code}, however it is spelled; null when no code is given, refused
   * ({@code command.organisation.department.unknown}) when the command has none such.
   */
  public Department departmentOrNull(String code) {
    return code == null || code.isBlank() ? null : requireRow(code).toDomain();
  }

  /**
   * As {@link #departmentOrNull}, with the department locked until commit, so two changes that
   * depend on it (e.g. two shifts of it) are checked one at a time.
   */
  public Department lockedDepartmentOrNull(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    DepartmentRow row = requireRow(code);
    em.lock(row, LockModeType.PESSIMISTIC_WRITE);
    return row.toDomain();
  }

  /** The departments of {@code codes} (blank ones skipped), each as {@link #departmentOrNull}. */
  public List<Department> departmentsOf(Collection<String> codes) {
    List<Department> departments = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      if (code != null && !code.isBlank()) {
        departments.add(requireRow(code).toDomain());
      }
    }
    return departments;
  }

  // ---------------------------------------------------------------- helpers

  private LocalDate today() {
    return LocalDate.ofInstant(Instant.now(clock), ROME);
  }

  private List<Department> allDepartments() {
    return em
        .createQuery("select d from DepartmentRow d", DepartmentRow.class)
        .getResultList()
        .stream()
        .map(DepartmentRow::toDomain)
        .toList();
  }

  /**
   * The usernames of each department's active members: staff not deleted nor deactivated who carry
   * it as their department, or who have an assignment to it in effect or planned.
   */
  private Map<String, Set<String>> activeMembersByDepartment() {
    Map<String, Set<String>> members = new HashMap<>();
    Set<String> activeStaff = new HashSet<>();
    for (StaffUser user : staff.assignableStaff()) {
      activeStaff.add(user.username());
      members
          .computeIfAbsent(user.departmentId().toUpperCase(Locale.ROOT), k -> new HashSet<>())
          .add(user.username());
    }
    LocalDate today = today();
    for (StaffAssignment a : allAssignments()) {
      if (a.currentOrPlannedOn(today) && activeStaff.contains(a.username())) {
        members.computeIfAbsent(a.departmentCode(), k -> new HashSet<>()).add(a.username());
      }
    }
    return members;
  }

  private List<StaffAssignment> allAssignments() {
    return em
        .createQuery("select a from StaffAssignmentRow a", StaffAssignmentRow.class)
        .getResultList()
        .stream()
        .map(StaffAssignmentRow::toDomain)
        .toList();
  }

  /** The row of {@code code}, however it is spelled. */
  private DepartmentRow requireRow(String code) {
    DepartmentRow row =
        code == null || code.isBlank()
            ? null
            : em.find(DepartmentRow.class, code.strip().toUpperCase(Locale.ROOT));
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.department.unknown",
          "Il reparto «" + Objects.toString(code, "") + "» non esiste in questo comando.");
    }
    return row;
  }

  private void requireUniqueName(Department department) {
    boolean taken =
        !em.createQuery(
                "select d.code from DepartmentRow d where lower(d.name) = :name"
                    + " and d.code <> :code",
                String.class)
            .setParameter("name", department.name().toLowerCase(Locale.ROOT))
            .setParameter("code", department.code())
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new CommandRuleException(
          "command.organisation.department.name-taken",
          "Esiste già un reparto chiamato «" + department.name() + "».");
    }
  }

  private void requireHead(String username) {
    if (username == null) {
      return;
    }
    StaffUser user = staff.staffMember(username).orElse(null);
    if (user == null || user.isDeleted() || user.status() == UserStatus.DEACTIVATED) {
      throw new CommandRuleException(
          "command.organisation.department.head-unknown",
          "Il responsabile «" + username + "» non è tra il personale attivo del comando.");
    }
  }
}
