package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.DepartmentKind;
import it.ksanctions.command.domain.FunctionalRole;
import it.ksanctions.command.domain.Shift;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.command.domain.TerritorialZone;
import it.ksanctions.command.infrastructure.DepartmentRow;
import it.ksanctions.command.infrastructure.FunctionalRoleRow;
import it.ksanctions.command.infrastructure.ShiftRow;
import it.ksanctions.command.infrastructure.StaffAssignmentRow;
import it.ksanctions.command.infrastructure.TerritorialZoneRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.SecurityChangeRequest;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.infrastructure.SecurityHistoryRow;
import it.ksanctions.permissions.infrastructure.StaffUserRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The organisation of the command (SPEC CMD-5; seed 001 §11.4 "Struttura organizzativa"):
 * departments and units, territorial zones, functional roles, staff assignments and shifts, which
 * the Permissions, Statistics and Verbali modules use to filter records and apply visibility.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction. The
 * department codes made here are the staff's departments in the Permissions module: the assignment
 * in effect on the day it is saved moves the user to its department there (with a security history
 * entry), so "own department" visibility follows the organisation.
 */
@ApplicationScoped
@Transactional
public class Organisation {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject ConfigurationRegister register;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /**
   * How the register item, the audit key and the summary of one kind of entry are read, so every
   * change of it is registered and audited alike.
   */
  private record Kind<R, D>(
      Function<D, String> item,
      Function<D, String> auditKey,
      Function<D, String> summary,
      Function<R, D> read,
      BiConsumer<R, D> write) {}

  private static final Kind<DepartmentRow, Department> DEPARTMENT =
      new Kind<>(
          d -> "Reparto " + d.code(),
          Department::code,
          Department::summary,
          DepartmentRow::toDomain,
          DepartmentRow::update);

  private static final Kind<TerritorialZoneRow, TerritorialZone> ZONE =
      new Kind<>(
          z -> "Zona " + z.code(),
          TerritorialZone::code,
          TerritorialZone::summary,
          TerritorialZoneRow::toDomain,
          TerritorialZoneRow::update);

  private static final Kind<FunctionalRoleRow, FunctionalRole> ROLE =
      new Kind<>(
          r -> "Ruolo funzionale " + r.name(),
          FunctionalRole::name,
          FunctionalRole::summary,
          FunctionalRoleRow::toDomain,
          FunctionalRoleRow::update);

  /** An assignment is audited by its id: a person may have several. */
  private static final Kind<StaffAssignmentRow, StaffAssignment> ASSIGNMENT =
      new Kind<>(
          a -> "Assegnazione " + a.username(),
          a -> "" + a.id(),
          StaffAssignment::summary,
          StaffAssignmentRow::toDomain,
          StaffAssignmentRow::update);

  private static final Kind<ShiftRow, Shift> SHIFT =
      new Kind<>(
          s -> "Turno " + s.code(),
          Shift::code,
          Shift::summary,
          ShiftRow::toDomain,
          ShiftRow::update);

  /** A department with its active members and active units. */
  public record DepartmentView(Department department, long members, long activeUnits) {}

  /** An assignment with the person's name, and whether it is in effect today. */
  public record AssignmentView(StaffAssignment assignment, String fullName, boolean inEffect) {}

  /** A staff user who may be assigned or head a department. */
  public record StaffChoice(String username, String fullName, String departmentId) {
    public String label() {
      return fullName + " (" + username + ")";
    }
  }

  // ---------------------------------------------------------------- departments and units

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
        Department.create(code, name, kind, parentOrNull(parentCode), headUsername);
    if (em.find(DepartmentRow.class, department.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.department.code-taken",
          "Esiste già un reparto con codice " + department.code() + ".");
    }
    requireUniqueDepartmentName(department);
    requireHead(department.headUsername());
    return created(
        DEPARTMENT, department, DepartmentRow.of(department), "Nuovo reparto", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Department changeDepartment(
      String code, String name, String parentCode, String headUsername, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        DEPARTMENT,
        requireDepartmentRow(code),
        department -> {
          department.change(name, parentOrNull(parentCode), headUsername);
          requireUniqueDepartmentName(department);
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
    return change(
        DEPARTMENT,
        requireDepartmentRow(code),
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
    return change(
        DEPARTMENT,
        requireDepartmentRow(code),
        department ->
            department.reactivate(
                department.parentCode() == null
                    ? null
                    : requireDepartmentRow(department.parentCode()).toDomain()),
        "Riattivazione reparto",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- territorial zones

  @Authorized(module = COMMAND, action = ACCESS)
  public List<TerritorialZone> zones() {
    return em
        .createQuery(
            "select distinct z from TerritorialZoneRow z left join fetch z.departmentCodes"
                + " left join fetch z.placeZones",
            TerritorialZoneRow.class)
        .getResultList()
        .stream()
        .map(TerritorialZoneRow::toDomain)
        .sorted(Comparator.comparing(TerritorialZone::code))
        .toList();
  }

  /** The zones the coded places name (any version), once each, sorted: the choices of a zone. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<String> placeZones() {
    Map<String, String> zones = new TreeMap<>();
    for (String zone :
        em.createQuery(
                "select distinct v.zone from PlaceVersionRow v where v.zone is not null",
                String.class)
            .getResultList()) {
      if (!zone.isBlank()) {
        zones.putIfAbsent(zone.strip().toLowerCase(Locale.ITALIAN), zone.strip());
      }
    }
    return List.copyOf(zones.values());
  }

  @Authorized(module = COMMAND, action = CREATE)
  public TerritorialZone createZone(
      String code,
      String name,
      String description,
      Collection<String> departmentCodes,
      Collection<String> placeZones,
      String reference) {
    runs.ensureConfigurationMayChange();
    TerritorialZone zone =
        TerritorialZone.create(
            code, name, description, departments(departmentCodes), knownPlaceZones(placeZones));
    if (em.find(TerritorialZoneRow.class, zone.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.zone.code-taken",
          "Esiste già una zona con codice " + zone.code() + ".");
    }
    requireUniqueZoneName(zone);
    return created(ZONE, zone, TerritorialZoneRow.of(zone), "Nuova zona territoriale", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public TerritorialZone changeZone(
      String code,
      String name,
      String description,
      Collection<String> departmentCodes,
      Collection<String> placeZones,
      String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ZONE,
        requireZoneRow(code),
        zone -> {
          zone.change(name, description, departments(departmentCodes), knownPlaceZones(placeZones));
          requireUniqueZoneName(zone);
        },
        "Modifica zona territoriale",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public TerritorialZone deactivateZone(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ZONE,
        requireZoneRow(code),
        TerritorialZone::deactivate,
        "Disattivazione zona territoriale",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public TerritorialZone reactivateZone(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ZONE,
        requireZoneRow(code),
        TerritorialZone::reactivate,
        "Riattivazione zona territoriale",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- functional roles

  @Authorized(module = COMMAND, action = ACCESS)
  public List<FunctionalRole> functionalRoles() {
    return em
        .createQuery("select r from FunctionalRoleRow r", FunctionalRoleRow.class)
        .getResultList()
        .stream()
        .map(FunctionalRoleRow::toDomain)
        .sorted(Comparator.comparing(r -> r.name().toLowerCase(Locale.ITALIAN)))
        .toList();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public FunctionalRole createFunctionalRole(String name, String description, String reference) {
    runs.ensureConfigurationMayChange();
    FunctionalRole role = FunctionalRole.create(name, description);
    if (findRoleRow(role.name()) != null) {
      throw new CommandRuleException(
          "command.organisation.role.name-taken",
          "Esiste già il ruolo funzionale «" + role.name() + "».");
    }
    return created(ROLE, role, FunctionalRoleRow.of(role), "Nuovo ruolo funzionale", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public FunctionalRole changeFunctionalRole(String name, String description, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ROLE,
        requireRoleRow(name),
        role -> role.changeDescription(description),
        "Modifica ruolo funzionale",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public FunctionalRole deactivateFunctionalRole(String name, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ROLE,
        requireRoleRow(name),
        role -> {
          LocalDate today = today();
          role.deactivate(
              allAssignments().stream()
                  .filter(
                      a -> a.functionalRole().equals(role.name()) && a.currentOrPlannedOn(today))
                  .count());
        },
        "Disattivazione ruolo funzionale",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public FunctionalRole reactivateFunctionalRole(String name, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        ROLE,
        requireRoleRow(name),
        FunctionalRole::reactivate,
        "Riattivazione ruolo funzionale",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- staff assignments

  /** The staff of the Permissions module who can be assigned (not deleted nor deactivated). */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<StaffChoice> staffChoices() {
    return em
        .createQuery(
            "select u from StaffUserRow u where u.deleted = false and u.status <> :gone"
                + " order by u.username",
            StaffUserRow.class)
        .setParameter("gone", UserStatus.DEACTIVATED)
        .getResultList()
        .stream()
        .map(StaffUserRow::toDomain)
        .map(
            u -> new StaffChoice(u.username(), u.givenName() + " " + u.surname(), u.departmentId()))
        .toList();
  }

  /** Assignments by person, latest first; ended ones only when asked. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<AssignmentView> assignments(boolean includeEnded) {
    LocalDate today = today();
    Map<String, String> names = new HashMap<>();
    em.createQuery("select u from StaffUserRow u", StaffUserRow.class)
        .getResultList()
        .forEach(
            row -> {
              StaffUser u = row.toDomain();
              names.put(u.username(), u.givenName() + " " + u.surname());
            });
    return allAssignments().stream()
        .filter(a -> includeEnded || a.currentOrPlannedOn(today))
        .sorted(
            Comparator.comparing(StaffAssignment::username)
                .thenComparing(StaffAssignment::from, Comparator.reverseOrder()))
        .map(
            a ->
                new AssignmentView(
                    a, names.getOrDefault(a.username(), a.username()), a.inEffectOn(today)))
        .toList();
  }

  @Authorized(module = COMMAND, action = CREATE)
  public AssignmentView assign(
      String username,
      String departmentCode,
      String functionalRole,
      LocalDate from,
      LocalDate to,
      String reference) {
    runs.ensureConfigurationMayChange();
    StaffUserRow user = requireAssignableStaff(username);
    StaffAssignment assignment =
        StaffAssignment.create(
            user.username(),
            departmentOrNull(departmentCode),
            roleOrNull(functionalRole),
            from,
            to,
            assignmentsOf(user.username()));
    StaffAssignmentRow row = StaffAssignmentRow.of(assignment);
    em.persist(row);
    em.flush();
    StaffAssignment stored = row.toDomain();
    recorded(
        ASSIGNMENT,
        null,
        stored,
        "Assegnazione del personale",
        AuditOperation.CHANGE,
        stored.username(),
        reference);
    followInPermissions(user, stored, reference);
    return view(stored, user);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public AssignmentView changeAssignment(
      long id,
      String departmentCode,
      String functionalRole,
      LocalDate from,
      LocalDate to,
      String reference) {
    runs.ensureConfigurationMayChange();
    StaffAssignmentRow row = requireAssignmentRow(id);
    StaffUserRow user = requireAssignableStaff(row.toDomain().username());
    StaffAssignment assignment =
        change(
            ASSIGNMENT,
            row,
            a ->
                a.change(
                    departmentOrNull(departmentCode),
                    roleOrNull(functionalRole),
                    from,
                    to,
                    assignmentsOf(a.username())),
            "Modifica assegnazione del personale",
            AuditOperation.CHANGE,
            reference);
    followInPermissions(user, assignment, reference);
    return view(assignment, user);
  }

  /** Ends an assignment on {@code lastDay} (included); the history keeps it. */
  @Authorized(module = COMMAND, action = EDIT)
  public AssignmentView endAssignment(long id, LocalDate lastDay, String reference) {
    runs.ensureConfigurationMayChange();
    StaffAssignment assignment =
        change(
            ASSIGNMENT,
            requireAssignmentRow(id),
            a -> a.end(lastDay),
            "Fine assegnazione del personale",
            AuditOperation.CHANGE,
            reference);
    StaffUserRow user = em.find(StaffUserRow.class, assignment.username());
    return view(assignment, user);
  }

  /**
   * The assignment in effect today decides the user's department in the Permissions module
   * (visibility "own department"), with an entry in the security history.
   */
  private void followInPermissions(StaffUserRow row, StaffAssignment assignment, String reference) {
    StaffUser user = row.toDomain();
    if (!assignment.inEffectOn(today())
        || assignment.departmentCode().equalsIgnoreCase(user.departmentId())) {
      return;
    }
    String reason =
        "Assegnazione al reparto "
            + assignment.departmentCode()
            + " (Organizzazione)"
            + (reference == null || reference.isBlank() ? "" : " — " + reference.strip());
    var entry =
        user.moveToDepartment(
            assignment.departmentCode(),
            SecurityChangeRequest.unconfirmed(
                currentStaff.requireActive().username(), Instant.now(clock), reason));
    row.update(user);
    em.persist(SecurityHistoryRow.of(entry));
  }

  // ---------------------------------------------------------------- shifts

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
    Department department = lockedDepartmentOrNull(departmentCode);
    Shift shift = Shift.create(code, name, start, end, weekdays, department, allShifts());
    if (em.find(ShiftRow.class, shift.code()) != null) {
      throw new CommandRuleException(
          "command.organisation.shift.code-taken",
          "Esiste già un turno con codice " + shift.code() + ".");
    }
    return created(SHIFT, shift, ShiftRow.of(shift), "Nuovo turno", reference);
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
    Department department = lockedDepartmentOrNull(departmentCode);
    return change(
        SHIFT,
        requireShiftRow(code),
        shift -> shift.change(name, start, end, weekdays, department, allShifts()),
        "Modifica turno",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public Shift deactivateShift(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        SHIFT,
        requireShiftRow(code),
        Shift::deactivate,
        "Disattivazione turno",
        AuditOperation.DELETE,
        reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public Shift reactivateShift(String code, String reference) {
    runs.ensureConfigurationMayChange();
    return change(
        SHIFT,
        requireShiftRow(code),
        shift -> shift.reactivate(lockedDepartmentOrNull(shift.departmentCode()), allShifts()),
        "Riattivazione turno",
        AuditOperation.CHANGE,
        reference);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Applies {@code change} to the entry of {@code row}; the row is written back only when the
   * domain accepts the change, and the register keeps the summary from before next to the new one.
   */
  private <R, D> D change(
      Kind<R, D> kind,
      R row,
      Consumer<D> change,
      String auditFunction,
      AuditOperation operation,
      String reference) {
    D entry = kind.read().apply(row);
    String before = kind.summary().apply(entry);
    change.accept(entry);
    kind.write().accept(row, entry);
    recorded(
        kind, before, entry, auditFunction, operation, kind.auditKey().apply(entry), reference);
    return entry;
  }

  private <R, D> D created(
      Kind<R, D> kind, D entry, R row, String auditFunction, String reference) {
    em.persist(row);
    em.flush();
    recorded(
        kind,
        null,
        entry,
        auditFunction,
        AuditOperation.CHANGE,
        kind.auditKey().apply(entry),
        reference);
    return entry;
  }

  private <D> void recorded(
      Kind<?, D> kind,
      String before,
      D entry,
      String auditFunction,
      AuditOperation operation,
      String auditKey,
      String reference) {
    register.record(
        ConfigCategory.ORGANISATION,
        kind.item().apply(entry),
        before,
        kind.summary().apply(entry),
        reference);
    audit.record(COMMAND, auditFunction, operation, auditKey);
  }

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

  private List<StaffAssignment> allAssignments() {
    return em
        .createQuery("select a from StaffAssignmentRow a", StaffAssignmentRow.class)
        .getResultList()
        .stream()
        .map(StaffAssignmentRow::toDomain)
        .toList();
  }

  private List<StaffAssignment> assignmentsOf(String username) {
    return em
        .createQuery(
            "select a from StaffAssignmentRow a where a.username = :username",
            StaffAssignmentRow.class)
        .setParameter("username", username)
        .getResultList()
        .stream()
        .map(StaffAssignmentRow::toDomain)
        .toList();
  }

  private List<Shift> allShifts() {
    return em.createQuery("select s from ShiftRow s", ShiftRow.class).getResultList().stream()
        .map(ShiftRow::toDomain)
        .toList();
  }

  /**
   * The usernames of each department's active members: staff not deleted nor deactivated who carry
   * it as their department, or who have an assignment to it in effect or planned.
   */
  private Map<String, Set<String>> activeMembersByDepartment() {
    Map<String, Set<String>> members = new HashMap<>();
    Set<String> activeStaff = new HashSet<>();
    for (StaffUserRow row :
        em.createQuery(
                "select u from StaffUserRow u where u.deleted = false and u.status <> :gone",
                StaffUserRow.class)
            .setParameter("gone", UserStatus.DEACTIVATED)
            .getResultList()) {
      StaffUser user = row.toDomain();
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

  /** The row of {@code code}, however it is spelled; {@code what} names it in the refusal. */
  private <R> R requireByCode(Class<R> type, String code, String messageKey, String what) {
    R row =
        code == null || code.isBlank()
            ? null
            : em.find(type, code.strip().toUpperCase(Locale.ROOT));
    if (row == null) {
      throw new CommandRuleException(
          messageKey, what + " «" + Objects.toString(code, "") + "» non esiste in questo comando.");
    }
    return row;
  }

  private DepartmentRow requireDepartmentRow(String code) {
    return requireByCode(
        DepartmentRow.class, code, "command.organisation.department.unknown", "Il reparto");
  }

  private Department parentOrNull(String parentCode) {
    return departmentOrNull(parentCode);
  }

  private Department departmentOrNull(String code) {
    return code == null || code.isBlank() ? null : requireDepartmentRow(code).toDomain();
  }

  /** The department locked until commit, so two shift changes of it are checked one at a time. */
  private Department lockedDepartmentOrNull(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    DepartmentRow row = requireDepartmentRow(code);
    em.lock(row, LockModeType.PESSIMISTIC_WRITE);
    return row.toDomain();
  }

  private List<Department> departments(Collection<String> codes) {
    List<Department> departments = new ArrayList<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      if (code != null && !code.isBlank()) {
        departments.add(requireDepartmentRow(code).toDomain());
      }
    }
    return departments;
  }

  private void requireUniqueDepartmentName(Department department) {
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
    StaffUserRow row = em.find(StaffUserRow.class, username);
    StaffUser user = row == null ? null : row.toDomain();
    if (user == null || user.isDeleted() || user.status() == UserStatus.DEACTIVATED) {
      throw new CommandRuleException(
          "command.organisation.department.head-unknown",
          "Il responsabile «" + username + "» non è tra il personale attivo del comando.");
    }
  }

  private StaffUserRow requireAssignableStaff(String username) {
    StaffUserRow row =
        username == null || username.isBlank()
            ? null
            : em.find(
                StaffUserRow.class,
                username.strip().toLowerCase(Locale.ROOT),
                LockModeType.PESSIMISTIC_WRITE);
    StaffUser user = row == null ? null : row.toDomain();
    if (user == null || user.isDeleted() || user.status() == UserStatus.DEACTIVATED) {
      throw new CommandRuleException(
          "command.organisation.assignment.user-unknown",
          "L'utente «"
              + Objects.toString(username, "")
              + "» non è tra il personale attivo del comando.");
    }
    return row;
  }

  private TerritorialZoneRow requireZoneRow(String code) {
    return requireByCode(
        TerritorialZoneRow.class, code, "command.organisation.zone.unknown", "La zona");
  }

  private void requireUniqueZoneName(TerritorialZone zone) {
    boolean taken =
        !em.createQuery(
                "select z.code from TerritorialZoneRow z where lower(z.name) = :name"
                    + " and z.code <> :code",
                String.class)
            .setParameter("name", zone.name().toLowerCase(Locale.ROOT))
            .setParameter("code", zone.code())
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new CommandRuleException(
          "command.organisation.zone.name-taken",
          "Esiste già una zona chiamata «" + zone.name() + "».");
    }
  }

  /** The place zones asked for, each spelled as the places spell it; unknown ones are refused. */
  private List<String> knownPlaceZones(Collection<String> asked) {
    if (asked == null || asked.stream().allMatch(z -> z == null || z.isBlank())) {
      return List.of();
    }
    Map<String, String> known = new HashMap<>();
    placeZones().forEach(z -> known.put(z.toLowerCase(Locale.ITALIAN), z));
    List<String> zones = new ArrayList<>();
    for (String zone : asked) {
      if (zone == null || zone.isBlank()) {
        continue;
      }
      String spelled = known.get(zone.strip().toLowerCase(Locale.ITALIAN));
      if (spelled == null) {
        throw new CommandRuleException(
            "command.organisation.zone.place-zone-unknown",
            "Nessun luogo del comando ha la zona «"
                + zone.strip()
                + "»: sceglierla tra le zone indicate nei luoghi.");
      }
      zones.add(spelled);
    }
    return zones;
  }

  private FunctionalRoleRow findRoleRow(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return em
        .createQuery(
            "select r from FunctionalRoleRow r where lower(r.name) = :name",
            FunctionalRoleRow.class)
        .setParameter("name", name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private FunctionalRoleRow requireRoleRow(String name) {
    FunctionalRoleRow row = findRoleRow(name);
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.role.unknown",
          "Il ruolo funzionale «"
              + Objects.toString(name, "")
              + "» non esiste: sceglierlo tra quelli del comando.");
    }
    return row;
  }

  private FunctionalRole roleOrNull(String name) {
    return name == null || name.isBlank() ? null : requireRoleRow(name).toDomain();
  }

  private StaffAssignmentRow requireAssignmentRow(long id) {
    StaffAssignmentRow row = em.find(StaffAssignmentRow.class, id);
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.unknown", "L'assegnazione " + id + " non esiste.");
    }
    return row;
  }

  private ShiftRow requireShiftRow(String code) {
    return requireByCode(ShiftRow.class, code, "command.organisation.shift.unknown", "Il turno");
  }

  private AssignmentView view(StaffAssignment assignment, StaffUserRow row) {
    StaffUser user = row == null ? null : row.toDomain();
    return new AssignmentView(
        assignment,
        user == null ? assignment.username() : user.givenName() + " " + user.surname(),
        assignment.inEffectOn(today()));
  }
}
