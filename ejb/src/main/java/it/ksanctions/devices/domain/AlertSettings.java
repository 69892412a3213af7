package it.ksanctions.devices.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The alert thresholds an administrator configures per command (DEV-7): the lead times before a
 * calibration certificate expires (e.g. 30, 7 and 1 days, each alert raised once per threshold),
 * the days after which a mobile device that has not synchronised is reported, and how long a device
 * credential lasts before the app must renew it.
 */
public record AlertSettings(
    List<Integer> calibrationLeadDays, int syncMaxDays, int credentialDays) {

  public static final String LEAD_DAYS_KEY = "devices.calibration.lead-days";
  public static final String SYNC_DAYS_KEY = "devices.sync.max-days";
  public static final String CREDENTIAL_DAYS_KEY = "devices.credential.days";
  public static final String RECIPIENTS_KEY = "devices.alerts.recipients";

  public static final AlertSettings DEFAULTS = new AlertSettings(List.of(30, 7, 1), 3, 30);

  public AlertSettings {
    if (calibrationLeadDays == null
        || calibrationLeadDays.isEmpty()
        || calibrationLeadDays.stream().anyMatch(d -> d == null || d < 1 || d > 365)
        || new TreeSet<>(calibrationLeadDays).size() > 5) {
      throw new IllegalArgumentException(
          "Preavvisi di scadenza taratura: da 1 a 5 valori tra 1 e 365 giorni, es. 30,7,1");
    }
    if (syncMaxDays < 1 || syncMaxDays > 90) {
      throw new IllegalArgumentException(
          "Giorni senza sincronizzazione prima dell'avviso: tra 1 e 90");
    }
    if (credentialDays < 1 || credentialDays > 365) {
      throw new IllegalArgumentException(
          "Durata delle credenziali dei dispositivi: tra 1 e 365 giorni");
    }
    calibrationLeadDays = List.copyOf(new TreeSet<>(calibrationLeadDays).descendingSet());
  }

  /** Reads the stored values; a missing one takes the default. */
  public static AlertSettings parse(String leadDays, String syncDays, String credentialDays) {
    return new AlertSettings(
        leadDays == null ? DEFAULTS.calibrationLeadDays : leadDays(leadDays),
        syncDays == null ? DEFAULTS.syncMaxDays : number(syncDays, "giorni di sincronizzazione"),
        credentialDays == null
            ? DEFAULTS.credentialDays
            : number(credentialDays, "durata delle credenziali"));
  }

  /** Parses "30, 7, 1". */
  public static List<Integer> leadDays(String text) {
    List<Integer> days = new ArrayList<>();
    for (String part : text.split("[,;\\s]+")) {
      if (!part.isBlank()) {
        days.add(number(part, "preavvisi di scadenza"));
      }
    }
    return days;
  }

  private static int number(String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Valore non numerico per " + what + ": " + text);
    }
  }

  public String leadDaysText() {
    return String.join(", ", calibrationLeadDays.stream().map(String::valueOf).toList());
  }

  public int longestLead() {
    return calibrationLeadDays.stream().max(Comparator.naturalOrder()).orElse(0);
  }

  /**
   * The threshold a certificate valid until {@code validUntil} has crossed on {@code today}: the
   * smallest lead time not shorter than the days left, or -1 once expired; empty when no threshold
   * is reached yet. A run that missed days raises only the most urgent threshold.
   */
  public java.util.OptionalInt calibrationThreshold(
      java.time.LocalDate validUntil, java.time.LocalDate today) {
    long left = java.time.temporal.ChronoUnit.DAYS.between(today, validUntil);
    if (left < 0) {
      return java.util.OptionalInt.of(-1);
    }
    return calibrationLeadDays.stream()
        .mapToInt(Integer::intValue)
        .filter(lead -> lead >= left)
        .min();
  }
}
