package it.ksanctions.command;

import it.ksanctions.command.application.Shifts;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.Shift;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shifts of the Organizzazione page (CMD-5): their table with days and times, the form (new or
 * change of the row chosen; times typed as hh:mm) with an optional administrative reference that
 * the configuration register keeps with the change.
 */
@Named
@ViewScoped
public class OrganisationShiftsView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String[] WEEKDAY_LABELS = {
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"
  };

  @Inject Shifts service;
  @Inject Event<OrganisationViewReload> pageReload;

  private List<Shift> shifts = List.of();

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
    shifts = orEmpty(Feedback.attempt(service::shifts, null));
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
                service.createShift(
                    shiftCode, shiftName, start, end, days, shiftDepartment, shiftReference);
              } else {
                service.changeShift(
                    shiftEditing, shiftName, start, end, days, shiftDepartment, shiftReference);
              }
            },
            creating ? "Turno creato." : "Turno aggiornato.");
    if (done) {
      newShift();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void deactivateShift(String code) {
    if (run(
        () -> service.deactivateShift(code, shiftReference), "Turno " + code + " disattivato.")) {
      newShift();
      pageReload.fire(new OrganisationViewReload());
    }
  }

  public void reactivateShift(String code) {
    if (run(
        () -> service.reactivateShift(code, shiftReference), "Turno " + code + " riattivato.")) {
      pageReload.fire(new OrganisationViewReload());
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

  public List<Shift> getShifts() {
    return shifts;
  }

  /** The weekdays' names, Monday first: the values of the shift form. */
  public List<String> getWeekdayCodes() {
    return java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
  }

  public String weekdayLabel(String day) {
    return WEEKDAY_LABELS[DayOfWeek.valueOf(day).getValue() - 1];
  }

  // ---------------------------------------------------------------- form fields

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
