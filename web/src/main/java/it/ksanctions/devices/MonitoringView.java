package it.ksanctions.devices;

import it.ksanctions.devices.application.DeviceAlertSettings;
import it.ksanctions.devices.application.DeviceAlerts;
import it.ksanctions.devices.application.DeviceAlerts.AlertView;
import it.ksanctions.devices.application.DeviceMonitoring;
import it.ksanctions.devices.application.DeviceMonitoring.DeviceView;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Monitoring of every device with its violations in a chosen period (DEV-6, last 30 days unless
 * changed), the alert list and the alert thresholds (DEV-7).
 */
@Named
@ViewScoped
public class MonitoringView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DeviceMonitoring monitoring;
  @Inject DeviceAlertSettings alertSettings;
  @Inject DeviceAlerts alerts;

  private List<DeviceView> devices = List.of();
  private List<AlertView> alertList = List.of();
  private boolean openOnly = true;
  private LocalDate from = LocalDate.now(ZoneId.of("Europe/Rome")).minusDays(29);
  private LocalDate to = LocalDate.now(ZoneId.of("Europe/Rome"));

  private String leadDays;
  private Integer syncMaxDays;
  private Integer credentialDays;
  private String recipients;

  @PostConstruct
  void load() {
    refresh();
    AlertSettings current = Feedback.attempt(() -> alertSettings.current(), null);
    if (current != null) {
      leadDays = current.leadDaysText();
      syncMaxDays = current.syncMaxDays();
      credentialDays = current.credentialDays();
      recipients = Feedback.attempt(() -> alertSettings.extraRecipients(), null);
    }
  }

  public void refresh() {
    List<DeviceView> found = Feedback.attempt(() -> monitoring.overview(from, to), null);
    devices = found == null ? List.of() : found;
    List<AlertView> listed = Feedback.attempt(() -> alerts.list(openOnly), null);
    alertList = listed == null ? List.of() : listed;
  }

  public void acknowledge(long id) {
    if (Feedback.attempt(() -> alerts.acknowledge(id), "Avviso preso in carico.")) {
      refresh();
    }
  }

  public void saveSettings() {
    if (syncMaxDays == null || credentialDays == null) {
      Feedback.error("Indicare i giorni di sincronizzazione e la durata delle credenziali.");
      return;
    }
    AlertSettings saved =
        Feedback.attempt(
            () -> alertSettings.change(leadDays, syncMaxDays, credentialDays, recipients),
            "Impostazioni degli avvisi salvate.");
    if (saved != null) {
      leadDays = saved.leadDaysText();
      refresh();
    }
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate v) {
    from = v;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate v) {
    to = v;
  }

  public List<DeviceView> getDevices() {
    return devices;
  }

  public List<AlertView> getAlertList() {
    return alertList;
  }

  public boolean isOpenOnly() {
    return openOnly;
  }

  public void setOpenOnly(boolean v) {
    openOnly = v;
  }

  public String getLeadDays() {
    return leadDays;
  }

  public void setLeadDays(String v) {
    leadDays = v;
  }

  public Integer getSyncMaxDays() {
    return syncMaxDays;
  }

  public void setSyncMaxDays(Integer v) {
    syncMaxDays = v;
  }

  public Integer getCredentialDays() {
    return credentialDays;
  }

  public void setCredentialDays(Integer v) {
    credentialDays = v;
  }

  public String getRecipients() {
    return recipients;
  }

  public void setRecipients(String v) {
    recipients = v;
  }
}
