package it.ksanctions.command.infrastructure;

import it.ksanctions.command.domain.CommandRunKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An accounting batch or protocol run; active while {@code finishedAt} is null. */
@Entity
@Table(name = "command_run")
public class CommandRunRow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private CommandRunKind kind;

  private String description;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "started_by")
  private String startedBy;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected CommandRunRow() {}

  public CommandRunRow(CommandRunKind kind, String description, Instant at, String by) {
    this.kind = kind;
    this.description = description;
    this.startedAt = at;
    this.startedBy = by;
  }

  public Long id() {
    return id;
  }

  public CommandRunKind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public String startedBy() {
    return startedBy;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public void finish(Instant at) {
    this.finishedAt = at;
  }
}
