package it.ksanctions.command;

import it.ksanctions.command.application.StaffAssignments;
import it.ksanctions.command.application.StaffAssignments.AssignmentView;
import it.ksanctions.command.application.StaffAssignments.StaffChoice;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The staff assigned of the Organizzazione page (CMD-5): the assignments with their functional role
 * (ended ones when asked), the form (new, change or end of the row chosen) with an optional
 * reference that the configuration register keeps with the change, and the staff who may be
 * assigned or head a department.
 */
@Named
@ViewScoped
public class OrganisationAssignmentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject StaffAssignments service;
  @Inject Event<OrganisationViewReload> pageReload;

  private List<AssignmentView> assignments = List.of();
  private List<StaffChoice> staff = List.of();

  private boolean showEnded;
  private Long asgEditing;
  private String asgUser;
  private String asgDepartment;
  private String asgRole;
  private LocalDate asgFrom;
  private LocalDate asgTo;
  private LocalDate asgEndDay;
  private String asgReference;

  @PostConstruct
  void load() {
    assignments = orEmpty(Feedback.attempt(() -> service.assignments(showEnded), null));
    staff = orEmpty(Feedback.attempt(service::staffChoices, null));
  }

  void reload(@Observes(notifyObserver = Reception.IF_EXISTS) OrganisationViewReload page) {
    load();
  }

  /** Runs a change and shows its outcome; the service's value is not needed. */
  private static boolean run(Runnable change, String successMessage) {
    return Feedback.attempt(change, successMessage);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  public void filterAssignments() {
    pageReload.fire(new OrganisationViewReload());
  }

  public void editAssignment(long id) {
    assignments.stream()
        .map(AssignmentView::assignment)
        .filter(a -> a.id() == id)
        .findFirst()
        .ifPresent(
            a -> {
              asgEditing = a.id();
              asgUser = a.username();
              asgDepartment = a.departmentCode();
              asgRole = a.functionalRole();
              asgFrom = a.from();
              asgTo = a.to();
            });
  }

  public void newAssignment() {
    asgEditing = null;
    asgUser = asgDepartment = asgRole = asgReference = null;
    asgFrom = asgTo = asgEndDay = null;
  }

  public void saveAssignment() {
    boolean creating = asgEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                service.assign(asgUser, asgDepartment, asgRole, asgFrom, asgTo, asgReference);
              } else {
                service.changeAssignment(
                    asgEditing, asgDepartment, asgRole, asgFrom, asgTo, asgReference);
              }
            },
            creating ? "Assegnazione registrata." : "Assegnazione aggiornata.");
    if (done) {
      newAssignment();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void endAssignment(long id) {
    LocalDate lastDay =
        asgEndDay == null ? LocalDate.now(java.time.ZoneId.of("Europe/Rome")) : asgEndDay;
    if (run(
        () -> service.endAssignment(id, lastDay, asgReference),
        "Assegnazione chiusa al "
            + lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
            + ".")) {
      newAssignment();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  // ---------------------------------------------------------------- page data

  public List<AssignmentView> getAssignments() {
    return assignments;
  }

  /** The staff who may be assigned or head a department: the choices of both forms. */
  public List<StaffChoice> getStaff() {
    return staff;
  }

  public String period(StaffAssignment a) {
    return a.period();
  }

  // ---------------------------------------------------------------- form fields

  public boolean isShowEnded() {
    return showEnded;
  }

  public void setShowEnded(boolean v) {
    showEnded = v;
  }

  public boolean isAsgCreating() {
    return asgEditing == null;
  }

  public Long getAsgEditing() {
    return asgEditing;
  }

  public String getAsgUser() {
    return asgUser;
  }

  public void setAsgUser(String v) {
    asgUser = v;
  }

  public String getAsgDepartment() {
    return asgDepartment;
  }

  public void setAsgDepartment(String v) {
    asgDepartment = v;
  }

  public String getAsgRole() {
    return asgRole;
  }

  public void setAsgRole(String v) {
    asgRole = v;
  }

  public LocalDate getAsgFrom() {
    return asgFrom;
  }

  public void setAsgFrom(LocalDate v) {
    asgFrom = v;
  }

  public LocalDate getAsgTo() {
    return asgTo;
  }

  public void setAsgTo(LocalDate v) {
    asgTo = v;
  }

  public LocalDate getAsgEndDay() {
    return asgEndDay;
  }

  public void setAsgEndDay(LocalDate v) {
    asgEndDay = v;
  }

  public String getAsgReference() {
    return asgReference;
  }

  public void setAsgReference(String v) {
    asgReference = v;
  }
}
