package it.ksanctions.notifications;

import it.ksanctions.notifications.application.Notifications;
import it.ksanctions.notifications.domain.NotificationStatus;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.sanctions.application.Outbox;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * "Notifiche" (issue 15 item 10): the acts' notifications with their state, and the sendings that
 * kept failing (dead letters) with the reason and a "Riprova" action.
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Notifications notifications;
  @Inject Outbox outbox;

  private NotificationStatus statusFilter;
  private List<Notifications.ListRow> rows = List.of();
  private List<Outbox.MessageView> deadLetters = List.of();

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    var found = Feedback.attempt(() -> notifications.latest(statusFilter), null);
    rows = found == null ? List.of() : found;
    var dead = Feedback.attempt(() -> outbox.deadLetters(AppModule.NOTIFICATIONS), null);
    deadLetters = dead == null ? List.of() : dead;
  }

  public void retry(long messageId) {
    Feedback.attempt(
        () -> outbox.retry(messageId, AppModule.NOTIFICATIONS),
        "Invio rimesso in coda: sarà ritentato entro pochi secondi.");
    search();
  }

  public NotificationStatus[] getStatuses() {
    return NotificationStatus.values();
  }

  public NotificationStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(NotificationStatus v) {
    statusFilter = v;
  }

  public List<Notifications.ListRow> getRows() {
    return rows;
  }

  public List<Outbox.MessageView> getDeadLetters() {
    return deadLetters;
  }
}
