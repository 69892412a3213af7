package it.ksanctions.command;

import it.ksanctions.command.application.Organisation;
import it.ksanctions.command.application.Organisation.AssignmentView;
import it.ksanctions.command.application.Organisation.DepartmentView;
import it.ksanctions.command.application.Organisation.StaffChoice;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.Department;
import it.ksanctions.command.domain.DepartmentKind;
import it.ksanctions.command.domain.FunctionalRole;
import it.ksanctions.command.domain.Shift;
import it.ksanctions.command.domain.StaffAssignment;
import it.ksanctions.command.domain.TerritorialZone;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Organisation of the command (CMD-5): departments and units, territorial zones, staff assigned
 * with their functional roles, the list of functional roles, shifts. Each section has its table,
 * its form (new or change of the row chosen) and an optional administrative reference that the
 * configuration register keeps with the change.
 */
@Named
@ViewScoped
public class OrganisationView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String[] WEEKDAY_LABELS = {
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"
  };

  @Inject Organisation organisation;

  private List<DepartmentView> departments = List.of();
  private List<Department> activeDepartments = List.of();
  private List<TerritorialZone> zones = List.of();
  private List<String> placeZones = List.of();
  private List<FunctionalRole> roles = List.of();
  private List<AssignmentView> assignments = List.of();
  private List<StaffChoice> staff = List.of();
  private List<Shift> shifts = List.of();

  // departments and units
  private String depEditing;
  private String depCode;
  private String depName;
  private DepartmentKind depKind = DepartmentKind.DEPARTMENT;
  private String depParent;
  private String depHead;
  private String depReference;
  // zones
  private String zoneEditing;
  private String zoneCode;
  private String zoneName;
  private String zoneDescription;
  private List<String> zoneDepartments = new ArrayList<>();
  private List<String> zonePlaceZones = new ArrayList<>();
  private String zoneReference;
  // functional roles
  private String roleEditing;
  private String roleName;
  private String roleDescription;
  private String roleReference;
  // assignments
  private boolean showEnded;
  private Long asgEditing;
  private String asgUser;
  private String asgDepartment;
  private String asgRole;
  private LocalDate asgFrom;
  private LocalDate asgTo;
  private LocalDate asgEndDay;
  private String asgReference;
  // shifts
  private String shiftEditing;
  private String shiftCode;
  private String shiftName;
  private String shiftStart;
  private String shiftEnd;
  private List<String> shiftDays = new ArrayList<>();
  private String shiftDepartment;
  private String shiftReference;

  @PostConstruct
  void load() {
    reload();
  }

  private void reload() {
    departments = orEmpty(Feedback.attempt(organisation::departments, null));
    activeDepartments = orEmpty(Feedback.attempt(organisation::activeDepartments, null));
    zones = orEmpty(Feedback.attempt(organisation::zones, null));
    placeZones = orEmpty(Feedback.attempt(organisation::placeZones, null));
    roles = orEmpty(Feedback.attempt(organisation::functionalRoles, null));
    assignments = orEmpty(Feedback.attempt(() -> organisation.assignments(showEnded), null));
    staff = orEmpty(Feedback.attempt(organisation::staffChoices, null));
    shifts = orEmpty(Feedback.attempt(organisation::shifts, null));
  }

  /** Runs a change and shows its outcome; the service's value is not needed. */
  private static boolean run(Runnable change, String successMessage) {
    return Feedback.attempt(change, successMessage);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  // ---------------------------------------------------------------- departments

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
                organisation.createDepartment(
                    depCode, depName, depKind, unitParent(), depHead, depReference);
              } else {
                organisation.changeDepartment(
                    depEditing, depName, unitParent(), depHead, depReference);
              }
            },
            creating ? "Reparto creato." : "Reparto aggiornato.");
    if (done) {
      newDepartment();
      reload();
    }
  }

  private String unitParent() {
    return depKind == DepartmentKind.UNIT ? depParent : null;
  }

  public void deactivateDepartment(String code) {
    if (run(
        () -> organisation.deactivateDepartment(code, depReference),
        "Reparto " + code + " disattivato.")) {
      newDepartment();
      reload();
    }
  }

  public void reactivateDepartment(String code) {
    if (run(
        () -> organisation.reactivateDepartment(code, depReference),
        "Reparto " + code + " riattivato.")) {
      reload();
    }
  }

  // ---------------------------------------------------------------- zones

  public void editZone(String code) {
    zones.stream()
        .filter(z -> z.code().equals(code))
        .findFirst()
        .ifPresent(
            z -> {
              zoneEditing = z.code();
              zoneCode = z.code();
              zoneName = z.name();
              zoneDescription = z.description();
              zoneDepartments = new ArrayList<>(z.departmentCodeList());
              zonePlaceZones = new ArrayList<>(z.placeZones());
            });
  }

  public void newZone() {
    zoneEditing = zoneCode = zoneName = zoneDescription = zoneReference = null;
    zoneDepartments = new ArrayList<>();
    zonePlaceZones = new ArrayList<>();
  }

  public void saveZone() {
    boolean creating = zoneEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                organisation.createZone(
                    zoneCode,
                    zoneName,
                    zoneDescription,
                    zoneDepartments,
                    zonePlaceZones,
                    zoneReference);
              } else {
                organisation.changeZone(
                    zoneEditing,
                    zoneName,
                    zoneDescription,
                    zoneDepartments,
                    zonePlaceZones,
                    zoneReference);
              }
            },
            creating ? "Zona creata." : "Zona aggiornata.");
    if (done) {
      newZone();
      reload();
    }
  }

  public void deactivateZone(String code) {
    if (run(
        () -> organisation.deactivateZone(code, zoneReference), "Zona " + code + " disattivata.")) {
      newZone();
      reload();
    }
  }

  public void reactivateZone(String code) {
    if (run(
        () -> organisation.reactivateZone(code, zoneReference), "Zona " + code + " riattivata.")) {
      reload();
    }
  }

  // ---------------------------------------------------------------- functional roles

  public void editRole(String name) {
    roles.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .ifPresent(
            r -> {
              roleEditing = r.name();
              roleName = r.name();
              roleDescription = r.description();
            });
  }

  public void newRole() {
    roleEditing = roleName = roleDescription = roleReference = null;
  }

  public void saveRole() {
    boolean creating = roleEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              if (creating) {
                organisation.createFunctionalRole(roleName, roleDescription, roleReference);
              } else {
                organisation.changeFunctionalRole(roleEditing, roleDescription, roleReference);
              }
            },
            creating ? "Ruolo funzionale creato." : "Ruolo funzionale aggiornato.");
    if (done) {
      newRole();
      reload();
    }
  }

  public void deactivateRole(String name) {
    if (run(
        () -> organisation.deactivateFunctionalRole(name, roleReference),
        "Ruolo funzionale «" + name + "» disattivato.")) {
      newRole();
      reload();
    }
  }

  public void reactivateRole(String name) {
    if (run(
        () -> organisation.reactivateFunctionalRole(name, roleReference),
        "Ruolo funzionale «" + name + "» riattivato.")) {
      reload();
    }
  }

  // ---------------------------------------------------------------- assignments

  public void filterAssignments() {
    reload();
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
                organisation.assign(asgUser, asgDepartment, asgRole, asgFrom, asgTo, asgReference);
              } else {
                organisation.changeAssignment(
                    asgEditing, asgDepartment, asgRole, asgFrom, asgTo, asgReference);
              }
            },
            creating ? "Assegnazione registrata." : "Assegnazione aggiornata.");
    if (done) {
      newAssignment();
      reload();
    }
  }

  public void endAssignment(long id) {
    LocalDate lastDay =
        asgEndDay == null ? LocalDate.now(java.time.ZoneId.of("Europe/Rome")) : asgEndDay;
    if (run(
        () -> organisation.endAssignment(id, lastDay, asgReference),
        "Assegnazione chiusa al "
            + lastDay.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
            + ".")) {
      newAssignment();
      reload();
    }
  }

  // ---------------------------------------------------------------- shifts

  public void editShift(String code) {
    shifts.stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .ifPresent(
            s -> {
              shiftEditing = s.code();
              shiftCode = s.code();
              shiftName = s.name();
              shiftStart = s.start().toString();
              shiftEnd = s.end().toString();
              shiftDays = new ArrayList<>(s.weekdays().stream().map(DayOfWeek::name).toList());
              shiftDepartment = s.departmentCode();
            });
  }

  public void newShift() {
    shiftEditing = shiftCode = shiftName = shiftStart = shiftEnd = null;
    shiftDepartment = shiftReference = null;
    shiftDays = new ArrayList<>();
  }

  public void saveShift() {
    boolean creating = shiftEditing == null;
    boolean done =
        Feedback.attempt(
            () -> {
              LocalTime start = time(shiftStart, "inizio");
              LocalTime end = time(shiftEnd, "fine");
              List<DayOfWeek> days = shiftDays.stream().map(DayOfWeek::valueOf).toList();
              if (creating) {
                organisation.createShift(
                    shiftCode, shiftName, start, end, days, shiftDepartment, shiftReference);
              } else {
                organisation.changeShift(
                    shiftEditing, shiftName, start, end, days, shiftDepartment, shiftReference);
              }
            },
            creating ? "Turno creato." : "Turno aggiornato.");
    if (done) {
      newShift();
      reload();
    }
  }

  public void deactivateShift(String code) {
    if (run(
        () -> organisation.deactivateShift(code, shiftReference),
        "Turno " + code + " disattivato.")) {
      newShift();
      reload();
    }
  }

  public void reactivateShift(String code) {
    if (run(
        () -> organisation.reactivateShift(code, shiftReference),
        "Turno " + code + " riattivato.")) {
      reload();
    }
  }

  private static LocalTime time(String value, String which) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.strip(), DateTimeFormatter.ofPattern("H:mm"));
    } catch (DateTimeParseException e) {
      throw new CommandRuleException(
          "command.organisation.shift.time-invalid",
          "Orario di " + which + " «" + value.strip() + "» non valido: usare hh:mm (es. 07:30).");
    }
  }

  // ---------------------------------------------------------------- page data

  public List<DepartmentView> getDepartments() {
    return departments;
  }

  public List<Department> getActiveDepartments() {
    return activeDepartments;
  }

  /** The active departments (not units) a unit may belong to. */
  public List<Department> getParentChoices() {
    return activeDepartments.stream()
        .filter(d -> d.kind() == DepartmentKind.DEPARTMENT && !d.code().equals(depEditing))
        .toList();
  }

  public List<TerritorialZone> getZones() {
    return zones;
  }

  public List<String> getPlaceZones() {
    return placeZones;
  }

  public List<FunctionalRole> getRoles() {
    return roles;
  }

  public List<FunctionalRole> getActiveRoles() {
    return roles.stream().filter(FunctionalRole::active).toList();
  }

  public List<AssignmentView> getAssignments() {
    return assignments;
  }

  public List<StaffChoice> getStaff() {
    return staff;
  }

  public List<Shift> getShifts() {
    return shifts;
  }

  public DepartmentKind[] getKinds() {
    return DepartmentKind.values();
  }

  /** The weekdays' names, Monday first: the values of the shift form. */
  public List<String> getWeekdayCodes() {
    return java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
  }

  public String weekdayLabel(String day) {
    return WEEKDAY_LABELS[DayOfWeek.valueOf(day).getValue() - 1];
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

  public String period(StaffAssignment a) {
    return a.period();
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

  public boolean isZoneCreating() {
    return zoneEditing == null;
  }

  public String getZoneEditing() {
    return zoneEditing;
  }

  public String getZoneCode() {
    return zoneCode;
  }

  public void setZoneCode(String v) {
    zoneCode = v;
  }

  public String getZoneName() {
    return zoneName;
  }

  public void setZoneName(String v) {
    zoneName = v;
  }

  public String getZoneDescription() {
    return zoneDescription;
  }

  public void setZoneDescription(String v) {
    zoneDescription = v;
  }

  public List<String> getZoneDepartments() {
    return zoneDepartments;
  }

  public void setZoneDepartments(List<String> v) {
    zoneDepartments = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public List<String> getZonePlaceZones() {
    return zonePlaceZones;
  }

  public void setZonePlaceZones(List<String> v) {
    zonePlaceZones = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public String getZoneReference() {
    return zoneReference;
  }

  public void setZoneReference(String v) {
    zoneReference = v;
  }

  public boolean isRoleCreating() {
    return roleEditing == null;
  }

  public String getRoleEditing() {
    return roleEditing;
  }

  public String getRoleName() {
    return roleName;
  }

  public void setRoleName(String v) {
    roleName = v;
  }

  public String getRoleDescription() {
    return roleDescription;
  }

  public void setRoleDescription(String v) {
    roleDescription = v;
  }

  public String getRoleReference() {
    return roleReference;
  }

  public void setRoleReference(String v) {
    roleReference = v;
  }

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

  public boolean isShiftCreating() {
    return shiftEditing == null;
  }

  public String getShiftEditing() {
    return shiftEditing;
  }

  public String getShiftCode() {
    return shiftCode;
  }

  public void setShiftCode(String v) {
    shiftCode = v;
  }

  public String getShiftName() {
    return shiftName;
  }

  public void setShiftName(String v) {
    shiftName = v;
  }

  public String getShiftStart() {
    return shiftStart;
  }

  public void setShiftStart(String v) {
    shiftStart = v;
  }

  public String getShiftEnd() {
    return shiftEnd;
  }

  public void setShiftEnd(String v) {
    shiftEnd = v;
  }

  public List<String> getShiftDays() {
    return shiftDays;
  }

  public void setShiftDays(List<String> v) {
    shiftDays = v == null ? new ArrayList<>() : new ArrayList<>(v);
  }

  public String getShiftDepartment() {
    return shiftDepartment;
  }

  public void setShiftDepartment(String v) {
    shiftDepartment = v;
  }

  public String getShiftReference() {
    return shiftReference;
  }

  public void setShiftReference(String v) {
    shiftReference = v;
  }
}
