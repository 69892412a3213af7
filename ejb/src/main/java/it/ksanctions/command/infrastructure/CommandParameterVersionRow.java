package it.ksanctions.command.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One version of a general parameter (SPEC CMD-4); never changed after insertion. */
@Entity
@Table(name = "command_parameter_version")
@IdClass(CommandParameterVersionRow.Key.class)
public class CommandParameterVersionRow {

  /** The primary key: parameter name and version. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String name;
    private int version;

    public Key() {}

    public Key(String name, int version) {
      this.name = name;
      this.version = version;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.version == version && Objects.equals(k.name, name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, version);
    }
  }

  @Id private String name;

  @Id private int version;

  private String value;

  @Column(name = "changed_at")
  private Instant changedAt;

  @Column(name = "changed_by")
  private String changedBy;

  private String reference;

  protected CommandParameterVersionRow() {}

  public CommandParameterVersionRow(
      String name,
      int version,
      String value,
      Instant changedAt,
      String changedBy,
      String reference) {
    this.name = name;
    this.version = version;
    this.value = value;
    this.changedAt = changedAt;
    this.changedBy = changedBy;
    this.reference = reference;
  }

  public String name() {
    return name;
  }

  public int version() {
    return version;
  }

  public String value() {
    return value;
  }

  public Instant changedAt() {
    return changedAt;
  }

  public String changedBy() {
    return changedBy;
  }

  public String reference() {
    return reference;
  }
}
