package it.ksanctions.portal;

import it.ksanctions.portal.application.InstalmentRequests;
import it.ksanctions.portal.application.InstalmentRequests.PlanView;
import it.ksanctions.portal.application.InstalmentRequests.Status;
import it.ksanctions.shared.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * "Rateizzazioni" in the back office (issue 16 item 5): the citizens' instalment requests by state
 * with the deadline of the decision (90 days, art. 202-bis), one opened with its figures, the
 * income self-declaration and the schedule, and the decision: approve, or reject with the reason.
 * Each decision is shown to the citizen and e-mailed; an approved plan gets its pagoPA notices.
 */
@Named
@ViewScoped
public class InstalmentRequestsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject InstalmentRequests requests;

  private Status status = Status.REQUESTED;
  private Long selectedId;
  private String reason;
  private transient List<PlanView> rows;

  public List<Status> getStatuses() {
    return List.of(Status.values());
  }

  public List<PlanView> getRows() {
    if (rows == null) {
      rows = requests.list(status);
    }
    return rows;
  }

  public PlanView getSelected() {
    return selectedId == null ? null : requests.detail(selectedId);
  }

  public void open(long id) {
    selectedId = id;
    reason = null;
  }

  public void search() {
    rows = null;
    selectedId = null;
  }

  public void approve() {
    try {
      PlanView done = requests.approve(selectedId);
      rows = null;
      message(
          FacesMessage.SEVERITY_INFO,
          "Rateizzazione n. " + done.id() + " approvata: " + done.count() + " rate.");
    } catch (RuntimeException e) {
      refused(e);
    }
  }

  public void reject() {
    try {
      PlanView done = requests.reject(selectedId, reason);
      reason = null;
      rows = null;
      message(FacesMessage.SEVERITY_INFO, "Rateizzazione n. " + done.id() + " respinta.");
    } catch (RuntimeException e) {
      refused(e);
    }
  }

  private static void refused(RuntimeException e) {
    if (!(e instanceof RuleViolation violation)) {
      throw e;
    }
    message(FacesMessage.SEVERITY_ERROR, violation.italianMessage());
  }

  public String time(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(ITALY));
  }

  public String day(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
  }

  public String euro(BigDecimal amount) {
    return amount == null ? "" : NumberFormat.getCurrencyInstance(Locale.ITALY).format(amount);
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getSelectedId() {
    return selectedId;
  }
}
