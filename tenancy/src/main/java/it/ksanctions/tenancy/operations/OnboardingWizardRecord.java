package it.ksanctions.tenancy.operations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An onboarding started from the vendor console's wizard, with the data typed in it (never a
 * secret) and the progress of each step, so that a failed onboarding resumes after the browser was
 * closed. The steps' names and rules belong to the platform's application layer.
 */
@Entity
@Table(name = "onboarding_wizard", schema = "platform")
public class OnboardingWizardRecord {

  /** Where the wizard's onboarding stands. */
  public enum Status {
    RUNNING,
    FAILED,
    DONE
  }

  /** The data typed in the wizard. */
  public record Data(
      String slug,
      String displayName,
      String kind,
      String taxCode,
      String patronSaintDay,
      List<String> hostnames,
      String adminUsername,
      String adminFirstName,
      String adminLastName,
      String adminEmail,
      String themeCode,
      String smtpHost,
      String smtpPort,
      String smtpTls,
      String smtpUsername,
      String smtpSender) {}

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "slug", nullable = false)
  private String slug;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "tax_code", nullable = false)
  private String taxCode;

  @Column(name = "patron_saint_day")
  private String patronSaintDay;

  @Column(name = "hostnames", nullable = false)
  private String hostnames;

  @Column(name = "admin_username", nullable = false)
  private String adminUsername;

  @Column(name = "admin_first_name", nullable = false)
  private String adminFirstName;

  @Column(name = "admin_last_name", nullable = false)
  private String adminLastName;

  @Column(name = "admin_email", nullable = false)
  private String adminEmail;

  @Column(name = "theme_code", nullable = false)
  private String themeCode;

  @Column(name = "smtp_host")
  private String smtpHost;

  @Column(name = "smtp_port")
  private String smtpPort;

  @Column(name = "smtp_tls")
  private String smtpTls;

  @Column(name = "smtp_username")
  private String smtpUsername;

  @Column(name = "smtp_sender")
  private String smtpSender;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "failed_step")
  private String failedStep;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "onboarding_wizard_step",
      schema = "platform",
      joinColumns = @JoinColumn(name = "wizard_id"))
  @OrderColumn(name = "position")
  private List<WizardStepRecord> steps = new ArrayList<>();

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected OnboardingWizardRecord() {}

  /** A wizard whose onboarding starts now, with its steps pending. */
  public OnboardingWizardRecord(Data data, List<String> stepNames, String createdBy, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.createdBy = createdBy;
    this.createdAt = now;
    this.steps = new ArrayList<>(stepNames.stream().map(WizardStepRecord::new).toList());
    change(data, now);
  }

  /** Replaces the typed data (a corrected request before a resume) and restarts the run. */
  public void change(Data data, Instant now) {
    this.slug = data.slug();
    this.displayName = data.displayName();
    this.kind = data.kind();
    this.taxCode = data.taxCode();
    this.patronSaintDay = data.patronSaintDay();
    this.hostnames = String.join(",", data.hostnames());
    this.adminUsername = data.adminUsername();
    this.adminFirstName = data.adminFirstName();
    this.adminLastName = data.adminLastName();
    this.adminEmail = data.adminEmail();
    this.themeCode = data.themeCode();
    this.smtpHost = data.smtpHost();
    this.smtpPort = data.smtpPort();
    this.smtpTls = data.smtpTls();
    this.smtpUsername = data.smtpUsername();
    this.smtpSender = data.smtpSender();
    this.status = Status.RUNNING;
    this.failedStep = null;
    this.failureReason = null;
    this.updatedAt = now;
  }

  /** Records the progress of {@code step}; a failed step fails the wizard with its reason. */
  public void stepChanged(
      String step, WizardStepRecord.Status stepStatus, String error, Instant now) {
    for (WizardStepRecord record : steps) {
      if (record.getStep().equals(step)) {
        record.change(stepStatus, error, now);
      }
    }
    if (stepStatus == WizardStepRecord.Status.FAILED) {
      status = Status.FAILED;
      failedStep = step;
      failureReason = error;
    }
    updatedAt = now;
  }

  /** Marks every step not done as pending again, before a resume. */
  public void resumeSteps(Instant now) {
    for (WizardStepRecord record : steps) {
      if (record.getStatus() != WizardStepRecord.Status.DONE) {
        record.change(WizardStepRecord.Status.PENDING, null, now);
      }
    }
    status = Status.RUNNING;
    failedStep = null;
    failureReason = null;
    updatedAt = now;
  }

  public void completed(Instant now) {
    status = Status.DONE;
    failedStep = null;
    failureReason = null;
    updatedAt = now;
  }

  /** Fails the wizard outside a step (e.g. the request was refused before any step ran). */
  public void failed(String step, String reason, Instant now) {
    status = Status.FAILED;
    failedStep = step;
    failureReason = reason;
    updatedAt = now;
  }

  public Data data() {
    return new Data(
        slug,
        displayName,
        kind,
        taxCode,
        patronSaintDay,
        hostnames == null || hostnames.isBlank() ? List.of() : Arrays.asList(hostnames.split(",")),
        adminUsername,
        adminFirstName,
        adminLastName,
        adminEmail,
        themeCode,
        smtpHost,
        smtpPort,
        smtpTls,
        smtpUsername,
        smtpSender);
  }

  public String getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public Status getStatus() {
    return status;
  }

  public String getFailedStep() {
    return failedStep;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<WizardStepRecord> getSteps() {
    return List.copyOf(steps);
  }
}
