package it.ksanctions.command;

import it.ksanctions.command.application.Departments;
import it.ksanctions.command.application.Departments.DepartmentView;
import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.DepartmentKind;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The departments and units of the Organizzazione page (CMD-5): their table with members and units,
 * the form (new or change of the row chosen) with an optional administrative reference that the
 * configuration register keeps with the change, and the departments the other sections offer and
 * name.
 */
@Named
@ViewScoped
public class OrganisationDepartmentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Departments service;
  @Inject Event<OrganisationViewReload> pageReload;

  private List<DepartmentView> departments = List.of();
  private List<Department> activeDepartments = List.of();

  private String depEditing;
  private String depCode;
  private String depName;
  private DepartmentKind depKind = DepartmentKind.DEPARTMENT;
  private String depParent;
  private String depHead;
  private String depReference;

  @PostConstruct
  void load() {
    departments = orEmpty(Feedback.attempt(service::departments, null));
    activeDepartments = orEmpty(Feedback.attempt(service::activeDepartments, null));
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

  public void editDepartment(String code) {
    departments.stream()
        .map(DepartmentView::department)
        .filter(d -> d.code().equals(code))
        .findFirst()
        .ifPresent(
            d -> {
              depEditing = d.code();
              depCode = d.code();
              depName = d.name();
              depKind = d.kind();
              depParent = d.parentCode();
              depHead = d.headUsername();
            });
  }

  public void newDepartment() {
    depEditing = depCode = depName = depParent = depHead = depReference = null;
    depKind = DepartmentKind.DEPARTMENT;
  }

  public void saveDepartment() {
    boolean creating = depEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                service.createDepartment(
                    depCode, depName, depKind, unitParent(), depHead, depReference);
              } else {
                service.changeDepartment(depEditing, depName, unitParent(), depHead, depReference);
              }
            },
            creating ? "Reparto creato." : "Reparto aggiornato.");
    if (done) {
      newDepartment();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  private String unitParent() {
    return depKind == DepartmentKind.UNIT ? depParent : null;
  }

  public void deactivateDepartment(String code) {
    if (run(
        () -> service.deactivateDepartment(code, depReference),
        "Reparto " + code + " disattivato.")) {
      newDepartment();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void reactivateDepartment(String code) {
    if (run(
        () -> service.reactivateDepartment(code, depReference),
        "Reparto " + code + " riattivato.")) {
      pageReload.fire(new OrganisationViewReload());
    }
  }

  // ---------------------------------------------------------------- page data

  public List<DepartmentView> getDepartments() {
    return departments;
  }

  /** The active departments and units: the choices of every section's form. */
  public List<Department> getActiveDepartments() {
    return activeDepartments;
  }

  /** The active departments (not units) a unit may belong to. */
  public List<Department> getParentChoices() {
    return activeDepartments.stream()
        .filter(d -> d.kind() == DepartmentKind.DEPARTMENT && !d.code().equals(depEditing))
        .toList();
  }

  public DepartmentKind[] getKinds() {
    return DepartmentKind.values();
  }

  /** "Viabilità (VIABILITA)" for a department code, or the code when unknown. */
  public String departmentLabel(String code) {
    return departments.stream()
        .map(DepartmentView::department)
        .filter(d -> d.code().equals(code))
        .findFirst()
        .map(d -> d.name() + " (" + d.code() + ")")
        .orElse(code);
  }

  // ---------------------------------------------------------------- form fields

  public boolean isDepCreating() {
    return depEditing == null;
  }

  public String getDepEditing() {
    return depEditing;
  }

  public String getDepCode() {
    return depCode;
  }

  public void setDepCode(String v) {
    depCode = v;
  }

  public String getDepName() {
    return depName;
  }

  public void setDepName(String v) {
    depName = v;
  }

  public DepartmentKind getDepKind() {
    return depKind;
  }

  public void setDepKind(DepartmentKind v) {
    depKind = v;
  }

  public String getDepParent() {
    return depParent;
  }

  public void setDepParent(String v) {
    depParent = v;
  }

  public String getDepHead() {
    return depHead;
  }

  public void setDepHead(String v) {
    depHead = v;
  }

  public String getDepReference() {
    return depReference;
  }

  public void setDepReference(String v) {
    depReference = v;
  }
}
