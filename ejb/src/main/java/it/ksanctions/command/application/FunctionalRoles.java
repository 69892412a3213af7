package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.CREATE;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.application.OrganisationChanges.Kind;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.FunctionalRole;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.command.infrastructure.FunctionalRoleRow;
import it.ksanctions.command.infrastructure.StaffAssignmentRow;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The functional roles of the command (SPEC CMD-5): the post a person holds in the organisation
 * (Agente, Ufficiale, Istruttore amministrativo…), distinct from the primary role that grants
 * permissions. A name is unique whatever its case and never changes; a role is deactivated, never
 * deleted, only while no assignment in effect or planned carries it.
 *
 * <p>Every change is refused while an accounting batch or protocol run is active (CMD-7), recorded
 * in the configuration register with its old and new value and audited, in one transaction.
 */
@ApplicationScoped
@Transactional
public class FunctionalRoles {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  private static final Kind<FunctionalRoleRow, FunctionalRole> ROLE =
      new Kind<>(
          r -> "Ruolo funzionale " + r.name(),
          FunctionalRole::name,
          FunctionalRole::summary,
          FunctionalRoleRow::toDomain,
          FunctionalRoleRow::update);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandRuns runs;
  @Inject OrganisationChanges changes;

  Clock clock = Clock.systemUTC();

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
    if (findRow(role.name()) != null) {
      throw new CommandRuleException(
          "command.organisation.role.name-taken",
          "Esiste già il ruolo funzionale «" + role.name() + "».");
    }
    return changes.created(
        ROLE, role, FunctionalRoleRow.of(role), "Nuovo ruolo funzionale", reference);
  }

  @Authorized(module = COMMAND, action = EDIT)
  public FunctionalRole changeFunctionalRole(String name, String description, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        ROLE,
        requireRow(name),
        role -> role.changeDescription(description),
        "Modifica ruolo funzionale",
        AuditOperation.CHANGE,
        reference);
  }

  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public FunctionalRole deactivateFunctionalRole(String name, String reference) {
    runs.ensureConfigurationMayChange();
    return changes.change(
        ROLE,
        requireRow(name),
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
    return changes.change(
        ROLE,
        requireRow(name),
        FunctionalRole::reactivate,
        "Riattivazione ruolo funzionale",
        AuditOperation.CHANGE,
        reference);
  }

  /**
   * The functional role {@code name}, whatever its case, for another organisation use case: null
   * when no name is given, refused ({@code command.organisation.role.unknown}) when there is none
   * such.
   */
  public FunctionalRole functionalRoleOrNull(String name) {
    return name == null || name.isBlank() ? null : requireRow(name).toDomain();
  }

  // ---------------------------------------------------------------- helpers

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

  private FunctionalRoleRow findRow(String name) {
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

  private FunctionalRoleRow requireRow(String name) {
    FunctionalRoleRow row = findRow(name);
    if (row == null) {
      throw new CommandRuleException(
          "command.organisation.role.unknown",
          "Il ruolo funzionale «"
              + Objects.toString(name, "")
              + "» non esiste: sceglierlo tra quelli del comando.");
    }
    return row;
  }
}
