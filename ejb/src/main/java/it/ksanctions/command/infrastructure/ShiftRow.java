package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.Shift;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Storage of a {@link Shift}; the weekdays as ISO day numbers ("1,2,3,4,5"). */
@Entity
@Table(name = "org_shift")
public class ShiftRow {

  @Id
  @Column(name = "code")
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "start_time", nullable = false)
  private LocalTime startTime;

  @Column(name = "end_time", nullable = false)
  private LocalTime endTime;

  @Column(name = "weekdays", nullable = false)
  private String weekdays;

  @Column(name = "department_code", nullable = false)
  private String departmentCode;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Version
  @Column(name = "version")
  private int version;

  protected ShiftRow() {}

  public static ShiftRow of(Shift shift) {
    ShiftRow row = new ShiftRow();
    row.code = shift.code();
    row.update(shift);
    return row;
  }

  public void update(Shift shift) {
    name = shift.name();
    startTime = shift.start();
    endTime = shift.end();
    weekdays =
        shift.weekdays().stream()
            .map(d -> String.valueOf(d.getValue()))
            .collect(Collectors.joining(","));
    departmentCode = shift.departmentCode();
    active = shift.active();
  }

  public Shift toDomain() {
    return Shift.restore(
        code,
        name,
        startTime,
        endTime,
        Arrays.stream(weekdays.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> DayOfWeek.of(Integer.parseInt(s)))
            .toList(),
        departmentCode,
        active);
  }
}
