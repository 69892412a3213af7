package it.ksanctions.command.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every general parameter of the command (SPEC CMD-4), by its stored name, with the Italian label
 * the version history shows and the register category of its changes. Names are stored: never
 * renamed.
 */
public enum CommandParameter {
  NUMBERING_PATTERN("numbering.pattern", "Schema del numero di verbale", ConfigCategory.NUMBERING),
  NUMBERING_PREFIX("numbering.prefix", "Prefisso della numerazione", ConfigCategory.NUMBERING),
  NUMBERING_ANNUAL_RESET(
      "numbering.annual-reset", "Azzeramento annuale del progressivo", ConfigCategory.NUMBERING),
  AUTOMATIC_PROTOCOL("protocol.automatic", "Protocollazione automatica", ConfigCategory.PARAMETERS),
  REDUCED_PAYMENT_DAYS(ProceduralDeadline.REDUCED_PAYMENT),
  PAYMENT_DAYS(ProceduralDeadline.PAYMENT),
  NOTIFICATION_ITALY_DAYS(ProceduralDeadline.NOTIFICATION_ITALY),
  NOTIFICATION_ABROAD_DAYS(ProceduralDeadline.NOTIFICATION_ABROAD),
  APPEAL_PREFETTO_DAYS(ProceduralDeadline.APPEAL_PREFETTO),
  APPEAL_GIUDICE_DI_PACE_DAYS(ProceduralDeadline.APPEAL_GIUDICE_DI_PACE),
  PRESCRIPTION_YEARS(ProceduralDeadline.PRESCRIPTION),
  SERVICE_START("service.start", "Inizio dell'orario di servizio", ConfigCategory.PARAMETERS),
  SERVICE_END("service.end", "Fine dell'orario di servizio", ConfigCategory.PARAMETERS),
  PATRON_SAINT_DAY("calendar.patron-saint-day", "Santo patrono", ConfigCategory.PARAMETERS),
  SESSION_IDLE_MINUTES(
      "security.session-idle-minutes",
      "Scadenza della sessione per inattività (minuti)",
      ConfigCategory.PARAMETERS),
  STRONG_AUTHENTICATION(
      "security.strong-authentication",
      "Autenticazione forte obbligatoria",
      ConfigCategory.PARAMETERS),
  CITIZENS_SPID_CIE(
      "security.citizens-spid-cie",
      "Accesso dei cittadini con SPID/CIE",
      ConfigCategory.PARAMETERS);

  private final String key;
  private final String italianLabel;
  private final ConfigCategory category;
  private final ProceduralDeadline deadline;

  CommandParameter(String key, String italianLabel, ConfigCategory category) {
    this.key = key;
    this.italianLabel = italianLabel;
    this.category = category;
    this.deadline = null;
  }

  CommandParameter(ProceduralDeadline deadline) {
    this.key = deadline.key();
    this.italianLabel =
        "Termine: " + deadline.italianLabel() + " (" + deadline.unit().italianPlural() + ")";
    this.category = ConfigCategory.PARAMETERS;
    this.deadline = deadline;
  }

  public String key() {
    return key;
  }

  public String italianLabel() {
    return italianLabel;
  }

  public ConfigCategory category() {
    return category;
  }

  /** The deadline this parameter holds, if it is one. */
  public Optional<ProceduralDeadline> deadline() {
    return Optional.ofNullable(deadline);
  }

  public static Optional<CommandParameter> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  public static CommandParameter of(ProceduralDeadline deadline) {
    return Arrays.stream(values()).filter(p -> p.deadline == deadline).findFirst().orElseThrow();
  }
}
