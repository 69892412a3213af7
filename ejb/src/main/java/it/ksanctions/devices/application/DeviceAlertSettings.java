package it.ksanctions.devices.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.DEVICES;

import it.ksanctions.command.application.CommandSettings;
import it.ksanctions.devices.domain.AlertSettings;
import it.ksanctions.permissions.application.AdministrationException;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The command's alert settings of the Devices module (DEV-7), kept among the command settings: the
 * calibration lead days, the days a mobile device may go without synchronising, how long a device
 * credential lasts, and up to 20 extra e-mail recipients of the alerts. The rule: only valid
 * settings are stored, by whoever holds {@code DEVICES / MANAGE_CONFIGURATION}, and every change is
 * written to the audit log; a stored value that no longer parses gives the defaults, so the alerts
 * and the mobile app never stop on a bad setting.
 */
@ApplicationScoped
@Transactional
public class DeviceAlertSettings {

  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");

  @Inject CommandSettings settings;
  @Inject AuditRecorder audit;

  @Authorized(module = DEVICES, action = ACCESS)
  public AlertSettings current() {
    return thresholds();
  }

  /**
   * Changes the alert thresholds (DEV-7); recipients are extra e-mail addresses, comma separated.
   */
  @Authorized(module = DEVICES, action = MANAGE_CONFIGURATION)
  public AlertSettings change(
      String leadDays, int syncMaxDays, int credentialDays, String recipients) {
    AlertSettings changed;
    try {
      changed = new AlertSettings(AlertSettings.leadDays(leadDays), syncMaxDays, credentialDays);
    } catch (IllegalArgumentException e) {
      throw new AdministrationException(e.getMessage(), e.getMessage() + ".");
    }
    List<String> addresses = addresses(recipients);
    settings.put(AlertSettings.LEAD_DAYS_KEY, changed.leadDaysText());
    settings.put(AlertSettings.SYNC_DAYS_KEY, String.valueOf(changed.syncMaxDays()));
    settings.put(AlertSettings.CREDENTIAL_DAYS_KEY, String.valueOf(changed.credentialDays()));
    settings.put(AlertSettings.RECIPIENTS_KEY, String.join(", ", addresses));
    audit.record(
        DEVICES,
        "Impostazioni avvisi",
        AuditOperation.CHANGE,
        "taratura "
            + changed.leadDaysText()
            + "; sincronizzazione "
            + changed.syncMaxDays()
            + " giorni; credenziali "
            + changed.credentialDays()
            + " giorni; destinatari "
            + addresses.size());
    return changed;
  }

  /** The extra recipients of the alerts as stored, comma separated. */
  @Authorized(module = DEVICES, action = ACCESS)
  public String extraRecipients() {
    return settings.get(AlertSettings.RECIPIENTS_KEY).orElse("");
  }

  // ---- for the other services of this package, without a signed-in user (timers, mobile app)

  /** The command's alert thresholds; a stored value that no longer parses gives the defaults. */
  AlertSettings thresholds() {
    try {
      return AlertSettings.parse(
          settings.get(AlertSettings.LEAD_DAYS_KEY).orElse(null),
          settings.get(AlertSettings.SYNC_DAYS_KEY).orElse(null),
          settings.get(AlertSettings.CREDENTIAL_DAYS_KEY).orElse(null));
    } catch (IllegalArgumentException e) {
      return AlertSettings.DEFAULTS;
    }
  }

  /** The extra recipients of the alerts as addresses. */
  List<String> extraRecipientAddresses() {
    return addresses(settings.get(AlertSettings.RECIPIENTS_KEY).orElse(""));
  }

  /** Parses a comma-separated list of e-mail addresses; a wrong one is refused by name. */
  static List<String> addresses(String text) {
    List<String> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    for (String part : text.split("[,;\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      String address = part.strip().toLowerCase(Locale.ROOT);
      if (!EMAIL.matcher(address).matches() || address.length() > 254) {
        throw new AdministrationException(
            "Invalid e-mail " + address, "Indirizzo e-mail non valido: " + address + ".");
      }
      if (!found.contains(address)) {
        found.add(address);
      }
    }
    if (found.size() > 20) {
      throw new AdministrationException(
          "Too many recipients", "Al massimo 20 destinatari aggiuntivi degli avvisi.");
    }
    return found;
  }
}
