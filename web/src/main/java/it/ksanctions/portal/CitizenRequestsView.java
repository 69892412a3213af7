package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenRequests;
import it.ksanctions.portal.application.CitizenRequests.RequestView;
import it.ksanctions.portal.domain.RequestStatus;
import it.ksanctions.shared.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * "Ricorsi e comunicazioni" in the back office (issue 16 items 4 and 7): the citizens' requests by
 * state, one opened with its text, attachments and steps, and the moves the workflow allows from
 * its state (a rejection needs its reason). Each move is shown to the citizen and e-mailed.
 */
@Named
@ViewScoped
public class CitizenRequestsView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Inject CitizenRequests requests;
  @Inject it.ksanctions.portal.application.PinRequests pins;

  /** The PIN requests not handled yet. */
  public List<it.ksanctions.portal.application.PinRequests.PinRequestView> getPinRequests() {
    return pins.open();
  }

  /** Generates the new PIN and shows it once, to be sent as the citizen asked. */
  public void reissuePin(long id) {
    try {
      String pin = pins.reissue(id);
      message(
          FacesMessage.SEVERITY_INFO,
          "Nuovo PIN generato: "
              + pin
              + ". Inviarlo come richiesto dal cittadino; non sarà più"
              + " mostrato.");
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      message(FacesMessage.SEVERITY_ERROR, violation.italianMessage());
    }
  }

  private RequestStatus status = RequestStatus.RECEIVED;
  private Long selectedId;
  private String reason;
  private transient List<RequestView> rows;

  public List<RequestStatus> getStatuses() {
    return List.of(RequestStatus.values());
  }

  public List<RequestView> getRows() {
    if (rows == null) {
      rows = requests.list(status);
    }
    return rows;
  }

  public RequestView getSelected() {
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

  public void move(String target) {
    try {
      RequestView moved = requests.move(selectedId, RequestStatus.valueOf(target), reason);
      reason = null;
      rows = null;
      message(
          FacesMessage.SEVERITY_INFO,
          "Richiesta n. " + moved.id() + ": " + moved.statusLabel() + ".");
    } catch (RuntimeException e) {
      if (!(e instanceof RuleViolation violation)) {
        throw e;
      }
      message(FacesMessage.SEVERITY_ERROR, violation.italianMessage());
    }
  }

  public String time(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(ITALY));
  }

  private static void message(FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
  }

  public RequestStatus getStatus() {
    return status;
  }

  public void setStatus(RequestStatus status) {
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
