package it.ksanctions.notifications;

import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.application.Notifications.NotificationView;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.VerbaliView;
import it.ksanctions.sanctions.application.Verbali.VerbaleView;
import it.ksanctions.sanctions.domain.VerbaleStatus;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The notification part of the act's page (Verbali): send the open act for notification, its
 * attempts with their timeline and legal facts. Kept in the notifications context, beside the act's
 * own view, so that the act's context does not depend on this one (ADR 0006).
 */
@Named
@ViewScoped
public class ActNotificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject VerbaliView verbaliView;
  @Inject Notifications notifications;
  @Inject CurrentStaff currentStaff;

  private Long loadedFor;
  private List<NotificationView> loaded = List.of();
  private String lateDecision;
  private String resendReason;

  /** The open act's notification attempts (none for a role without Notifiche). */
  public List<NotificationView> getNotifications() {
    VerbaleView act = verbaliView.getDetail();
    if (act == null) {
      return List.of();
    }
    if (!Long.valueOf(act.id()).equals(loadedFor)) {
      loaded =
          currentStaff.allows(AppModule.NOTIFICATIONS, AppAction.ACCESS)
              ? notifications.ofVerbale(act.id())
              : List.of();
      loadedFor = act.id();
      lateDecision = null;
      resendReason = null;
    }
    return loaded;
  }

  /** Sends the open act for notification through its channel (SEND, PEC or post). */
  public void send() {
    sendOpenAct(act -> notifications.send(act.id(), lateDecision), "inviato per la notifica.");
  }

  /** Sends the open act again after its channel refused the last attempt, with the reason. */
  public void resend() {
    sendOpenAct(
        act -> notifications.resend(act.id(), resendReason, lateDecision),
        "inviato di nuovo per la notifica.");
  }

  private void sendOpenAct(Function<VerbaleView, NotificationView> sending, String done) {
    VerbaleView act = verbaliView.getDetail();
    if (act == null) {
      return;
    }
    var sent =
        Feedback.attempt(() -> sending.apply(act), "Verbale n. " + act.number() + " " + done);
    if (sent != null) {
      loadedFor = null;
      verbaliView.open(act.id());
      verbaliView.search();
    }
  }

  /** Whether the open act waits for a new sending: SENT, and its last attempt was refused. */
  public boolean resendable() {
    VerbaleView act = verbaliView.getDetail();
    List<NotificationView> attempts = getNotifications();
    return act != null
        && act.status() == VerbaleStatus.SENT
        && !attempts.isEmpty()
        && attempts.get(0).status() == NotificationStatus.REFUSED;
  }

  /** Downloads a legal fact (attestazione) of the open act's notification. */
  public void legalFact(long legalFactId) {
    var found = Feedback.attempt(() -> notifications.legalFact(legalFactId).orElse(null), null);
    if (found != null) {
      Downloads.send((byte[]) found[1], Downloads.PDF, (String) found[0]);
    }
  }

  public boolean sendable() {
    VerbaleView act = verbaliView.getDetail();
    return act != null && act.status() == VerbaleStatus.ISSUED;
  }

  /** Whether the art. 201 term of the open act has lapsed (sending needs a stated decision). */
  public boolean late() {
    VerbaleView act = verbaliView.getDetail();
    return act != null && act.daysToNotify(LocalDate.now(ZoneId.of("Europe/Rome"))) < 0;
  }

  public String getLateDecision() {
    return lateDecision;
  }

  public void setLateDecision(String v) {
    lateDecision = v;
  }

  public String getResendReason() {
    return resendReason;
  }

  public void setResendReason(String v) {
    resendReason = v;
  }
}
