package it.ksanctions.tenancy.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The progress of one step of a wizard's onboarding. */
@Embeddable
public class WizardStepRecord {

  /** Where a step stands. */
  public enum Status {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    SKIPPED
  }

  @Column(name = "step", nullable = false)
  private String step;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "error")
  private String error;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected WizardStepRecord() {}

  public WizardStepRecord(String step) {
    this.step = step;
    this.status = Status.PENDING;
  }

  void change(Status status, String error, Instant now) {
    this.status = status;
    this.error = error;
    this.finishedAt = status == Status.DONE || status == Status.FAILED ? now : null;
  }

  public String getStep() {
    return step;
  }

  public Status getStatus() {
    return status;
  }

  public String getError() {
    return error;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
