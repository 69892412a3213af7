package it.ksanctions.permissions.application;

import it.ksanctions.permissions.domain.SecurityChangeRequest;
import it.ksanctions.permissions.domain.SecurityHistoryEntry;
import it.ksanctions.permissions.domain.StaffUser;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.permissions.infrastructure.SecurityHistoryRow;
import it.ksanctions.permissions.infrastructure.StaffUserRow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The staff and their departments as the Permissions module publishes them to the organisation of
 * the command: who may be assigned, a staff user by username, and the move of a user to the
 * department of their assignment, recorded in the security history (PRM-8) like every other change
 * of a user's profile. Not authorised by itself: the organisation's use cases that call it are.
 */
@Stateless
public class StaffDepartments {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  /**
   * The staff who may be assigned or head a department (not deleted nor deactivated), by username.
   */
  public List<StaffUser> assignableStaff() {
    return em
        .createQuery(
            "select u from StaffUserRow u where u.deleted = false and u.status <> :gone"
                + " order by u.username",
            StaffUserRow.class)
        .setParameter("gone", UserStatus.DEACTIVATED)
        .getResultList()
        .stream()
        .map(StaffUserRow::toDomain)
        .toList();
  }

  /** Every staff user ever recorded, deleted and deactivated ones included: names of histories. */
  public List<StaffUser> allStaff() {
    return em
        .createQuery("select u from StaffUserRow u", StaffUserRow.class)
        .getResultList()
        .stream()
        .map(StaffUserRow::toDomain)
        .toList();
  }

  /** The staff user {@code username} (exactly as spelled), whatever their status. */
  public Optional<StaffUser> staffMember(String username) {
    return Optional.ofNullable(em.find(StaffUserRow.class, username)).map(StaffUserRow::toDomain);
  }

  /**
   * The staff user {@code username} (exactly as spelled), whatever their status, locked until the
   * transaction ends so that two changes of their assignments are checked one at a time.
   */
  public Optional<StaffUser> lockedStaffMember(String username) {
    return Optional.ofNullable(
            em.find(StaffUserRow.class, username, LockModeType.PESSIMISTIC_WRITE))
        .map(StaffUserRow::toDomain);
  }

  /**
   * Moves {@code username} to the department {@code departmentId} and writes the entry of the
   * security history that says who did it, when and why.
   *
   * @return the entry written
   */
  public SecurityHistoryEntry moveToDepartment(
      String username, String departmentId, SecurityChangeRequest request) {
    StaffUserRow row = em.find(StaffUserRow.class, username);
    if (row == null) {
      throw new IllegalArgumentException("No staff user " + username + " in this command");
    }
    StaffUser user = row.toDomain();
    SecurityHistoryEntry entry = user.moveToDepartment(departmentId, request);
    row.update(user);
    em.persist(SecurityHistoryRow.of(entry));
    return entry;
  }
}
