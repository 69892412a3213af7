package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.application.OrganisationChanges.Kind;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.command.infrastructure.StaffAssignmentRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.application.StaffDepartments;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.permissions.domain.SecurityChangeRequest;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The assignments of the staff to the departments and units of the command with a functional role
 * (SPEC CMD-5): only active staff of the Permissions module, to an active department with an active
 * role, for periods of one person that never overlap; an assignment is ended, never deleted, and
 * the history keeps it. The assignment in effect on the day it is saved moves the user to its
 * department in the Permissions module, with an entry in the security history, so "own department"
 * visibility follows the organisation.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction.
 */
@ApplicationScoped
@Transactional
public class StaffAssignments {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  /** An assignment is audited by its id: a person may have several. */
  private static final Kind<StaffAssignmentRow, StaffAssignment> ASSIGNMENT =
      new Kind<>(
          a -> "Assegnazione " + a.username(),
          a -> "" + a.id(),
          StaffAssignment::summary,
          StaffAssignmentRow::toDomain,
          StaffAssignmentRow::update);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject OrganisationChanges changes;
  @Inject Departments departments;
  @Inject FunctionalRoles functionalRoles;
  @Inject StaffDepartments staff;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** An assignment with the person's name, and whether it is in effect today. */
  public record AssignmentView(StaffAssignment assignment, String fullName, boolean inEffect) {}

  /** A staff user who may be assigned or head a department. */
  public record StaffChoice(String username, String fullName, String departmentId) {
    public String label() {
      return fullName + " (" + username + ")";
    }
  }

  /** The staff of the Permissions module who can be assigned (not deleted nor deactivated). */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<StaffChoice> staffChoices() {
    return staff.assignableStaff().stream()
        .map(
            u -> new StaffChoice(u.username(), u.givenName() + " " + u.surname(), u.departmentId()))
        .toList();
  }

  /** Assignments by person, latest first; ended ones only when asked. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<AssignmentView> assignments(boolean includeEnded) {
    LocalDate today = today();
    Map<String, String> names = new HashMap<>();
    staff.allStaff().forEach(u -> names.put(u.username(), u.givenName() + " " + u.surname()));
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
    StaffUser user = requireAssignableStaff(username);
    StaffAssignment assignment =
        StaffAssignment.create(
            user.username(),
            departments.departmentOrNull(departmentCode),
            functionalRoles.functionalRoleOrNull(functionalRole),
            from,
            to,
            assignmentsOf(user.username()));
    StaffAssignmentRow row = StaffAssignmentRow.of(assignment);
    em.persist(row);
    em.flush();
    StaffAssignment stored = row.toDomain();
    changes.recorded(
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
    StaffAssignmentRow row = requireRow(id);
    StaffUser user = requireAssignableStaff(row.toDomain().username());
    StaffAssignment assignment =
        changes.change(
            ASSIGNMENT,
            row,
            a ->
                a.change(
                    departments.departmentOrNull(departmentCode),
                    functionalRoles.functionalRoleOrNull(functionalRole),
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
        changes.change(
            ASSIGNMENT,
            requireRow(id),
            a -> a.end(lastDay),
            "Fine assegnazione del personale",
            AuditOperation.CHANGE,
            reference);
    return view(assignment, staff.staffMember(assignment.username()).orElse(null));
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The assignment in effect today decides the user's department in the Permissions module
   * (visibility "own department"), with an entry in the security history.
   */
  private void followInPermissions(StaffUser user, StaffAssignment assignment, String reference) {
    if (!assignment.inEffectOn(today())
        || assignment.departmentCode().equalsIgnoreCase(user.departmentId())) {
      return;
    }
    String reason =
        "Assegnazione al reparto "
            + assignment.departmentCode()
            + " (Organizzazione)"
            + (reference == null || reference.isBlank() ? "" : " — " + reference.strip());
    staff.moveToDepartment(
        user.username(),
        assignment.departmentCode(),
        SecurityChangeRequest.unconfirmed(
            currentStaff.requireActive().username(), Instant.now(clock), reason));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(Instant.now(clock), ROME);
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

  /**
   * The active staff user {@code username} (however it is cased), locked until commit so that two
   * changes of their assignments are checked one at a time.
   */
  private StaffUser requireAssignableStaff(String username) {
    StaffUser user =
        username == null || username.isBlank()
            ? null
            : staff.lockedStaffMember(username.strip().toLowerCase(Locale.ROOT)).orElse(null);
    if (user == null || user.isDeleted() || user.status() == UserStatus.DEACTIVATED) {
      throw new CommandRuleException(
          "command.organisation.assignment.user-unknown",
          "L'utente «"
              + Objects.toString(username, "")
              + "» non è tra il personale attivo del comando.");
    }
    return user;
  }

  private StaffAssignmentRow requireRow(long id) {
    StaffAssignmentRow row = em.find(StaffAssignmentRow.class, id);
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.assignment.unknown", "L'assegnazione " + id + " non esiste.");
    }
    return row;
  }

  private AssignmentView view(StaffAssignment assignment, StaffUser user) {
    return new AssignmentView(
        assignment,
        user == null ? assignment.username() : user.givenName() + " " + user.surname(),
        assignment.inEffectOn(today()));
  }
}
