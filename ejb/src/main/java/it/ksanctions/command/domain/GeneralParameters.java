package it.ksanctions.command.domain;

import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The general parameters of a command (SPEC CMD-4) as one valid value: numbering of verbali,
 * automatic protocol registration, procedural deadlines, service hours, patron-saint day and the
 * security policy. Every parameter also has a canonical text (what the version history stores and
 * the page edits), read back by {@link #fromText}, which checks every rule and explains a broken
 * one in Italian.
 */
public record GeneralParameters(
    NumberingParameters numbering,
    boolean automaticProtocol,
    Map<ProceduralDeadline, Integer> deadlines,
    LocalTime serviceStart,
    LocalTime serviceEnd,
    MonthDay patronSaintDay,
    int sessionIdleMinutes,
    boolean strongAuthentication,
    boolean citizensSpidCie) {

  public static final int MIN_IDLE_MINUTES = 5;
  public static final int MAX_IDLE_MINUTES = 480;
  public static final int DEFAULT_IDLE_MINUTES = 30;
  public static final LocalTime DEFAULT_SERVICE_START = LocalTime.of(7, 0);
  public static final LocalTime DEFAULT_SERVICE_END = LocalTime.of(19, 0);

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter MM_DD = DateTimeFormatter.ofPattern("MM-dd");

  public GeneralParameters {
    Objects.requireNonNull(numbering, "numbering");
    EnumMap<ProceduralDeadline, Integer> all = new EnumMap<>(ProceduralDeadline.class);
    for (ProceduralDeadline d : ProceduralDeadline.values()) {
      Integer value = deadlines == null ? null : deadlines.get(d);
      all.put(d, d.check(value == null ? d.legalValue() : value));
    }
    deadlines = Collections.unmodifiableMap(all);
    Objects.requireNonNull(serviceStart, "serviceStart");
    Objects.requireNonNull(serviceEnd, "serviceEnd");
    if (!serviceStart.isBefore(serviceEnd)) {
      throw new CommandRuleException(
          "command.parameters.service-hours-order",
          "Orario di servizio: l'inizio ("
              + HH_MM.format(serviceStart)
              + ") deve precedere la fine ("
              + HH_MM.format(serviceEnd)
              + "). Per un servizio continuo indicare 00:00 - 23:59.");
    }
    if (sessionIdleMinutes < MIN_IDLE_MINUTES || sessionIdleMinutes > MAX_IDLE_MINUTES) {
      throw new CommandRuleException(
          "command.parameters.session-idle-out-of-range",
          "Scadenza della sessione per inattività: "
              + sessionIdleMinutes
              + " minuti non ammessi. Indicare da "
              + MIN_IDLE_MINUTES
              + " a "
              + MAX_IDLE_MINUTES
              + " minuti (8 ore): meno di 5 interromperebbe il lavoro, oltre 8 ore lascerebbe"
              + " aperte postazioni incustodite.");
    }
  }

  /** The parameters of a command that never changed them: the legal terms and safe defaults. */
  public static GeneralParameters defaults() {
    return new GeneralParameters(
        NumberingParameters.defaults(),
        false,
        Map.of(),
        DEFAULT_SERVICE_START,
        DEFAULT_SERVICE_END,
        null,
        DEFAULT_IDLE_MINUTES,
        false,
        false);
  }

  public int deadline(ProceduralDeadline deadline) {
    return deadlines.get(deadline);
  }

  public Optional<MonthDay> patronSaint() {
    return Optional.ofNullable(patronSaintDay);
  }

  /**
   * Parameters from their texts; a parameter missing from {@code values} keeps its value in {@code
   * base}.
   *
   * @throws CommandRuleException naming the first broken rule, in the order of the page
   */
  public static GeneralParameters fromText(
      Map<CommandParameter, String> values, GeneralParameters base) {
    Map<CommandParameter, String> text = new EnumMap<>(base.asText());
    values.forEach(
        (k, v) -> {
          if (k != null) {
            text.put(k, v == null ? "" : v.strip());
          }
        });
    NumberingParameters numbering =
        new NumberingParameters(
            VerbaleNumberPattern.of(
                text.get(CommandParameter.NUMBERING_PATTERN),
                flag(CommandParameter.NUMBERING_ANNUAL_RESET, text)),
            text.get(CommandParameter.NUMBERING_PREFIX),
            flag(CommandParameter.NUMBERING_ANNUAL_RESET, text));
    Map<ProceduralDeadline, Integer> deadlines = new EnumMap<>(ProceduralDeadline.class);
    for (ProceduralDeadline d : ProceduralDeadline.values()) {
      deadlines.put(d, d.check(deadlineNumber(d, text.get(CommandParameter.of(d)))));
    }
    return new GeneralParameters(
        numbering,
        flag(CommandParameter.AUTOMATIC_PROTOCOL, text),
        deadlines,
        time("inizio", text.get(CommandParameter.SERVICE_START)),
        time("fine", text.get(CommandParameter.SERVICE_END)),
        patronDay(text.get(CommandParameter.PATRON_SAINT_DAY)),
        idleMinutes(text.get(CommandParameter.SESSION_IDLE_MINUTES)),
        flag(CommandParameter.STRONG_AUTHENTICATION, text),
        flag(CommandParameter.CITIZENS_SPID_CIE, text));
  }

  /** Every parameter's canonical text. */
  public Map<CommandParameter, String> asText() {
    Map<CommandParameter, String> text = new EnumMap<>(CommandParameter.class);
    text.put(CommandParameter.NUMBERING_PATTERN, numbering.pattern().text());
    text.put(CommandParameter.NUMBERING_PREFIX, numbering.defaultPrefix());
    text.put(CommandParameter.NUMBERING_ANNUAL_RESET, Boolean.toString(numbering.annualReset()));
    text.put(CommandParameter.AUTOMATIC_PROTOCOL, Boolean.toString(automaticProtocol));
    deadlines.forEach((d, v) -> text.put(CommandParameter.of(d), Integer.toString(v)));
    text.put(CommandParameter.SERVICE_START, HH_MM.format(serviceStart));
    text.put(CommandParameter.SERVICE_END, HH_MM.format(serviceEnd));
    text.put(
        CommandParameter.PATRON_SAINT_DAY,
        patronSaintDay == null ? "" : MM_DD.format(patronSaintDay));
    text.put(CommandParameter.SESSION_IDLE_MINUTES, Integer.toString(sessionIdleMinutes));
    text.put(CommandParameter.STRONG_AUTHENTICATION, Boolean.toString(strongAuthentication));
    text.put(CommandParameter.CITIZENS_SPID_CIE, Boolean.toString(citizensSpidCie));
    return text;
  }

  /** The parameters whose value differs in {@code other}, in the order of the page. */
  public List<CommandParameter> differencesFrom(GeneralParameters other) {
    Map<CommandParameter, String> mine = asText();
    Map<CommandParameter, String> theirs = other.asText();
    List<CommandParameter> changed = new ArrayList<>();
    for (CommandParameter p : CommandParameter.values()) {
      if (!Objects.equals(mine.get(p), theirs.get(p))) {
        changed.add(p);
      }
    }
    return changed;
  }

  /** The patron-saint day as the platform registry stores it ({@code MM-DD}), or null. */
  public String patronSaintDayText() {
    return patronSaintDay == null ? null : MM_DD.format(patronSaintDay);
  }

  /**
   * {@code text} as a patron-saint day ({@code MM-DD}); blank means none.
   *
   * @throws CommandRuleException when it is not a day of the year
   */
  public static MonthDay patronDay(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String day = text.strip();
    if (day.matches("\\d{2}-\\d{2}")) {
      try {
        return MonthDay.parse("--" + day);
      } catch (DateTimeParseException e) {
        // explained below
      }
    }
    throw new CommandRuleException(
        "command.parameters.patron-day-invalid",
        "Santo patrono: «"
            + day
            + "» non è un giorno dell'anno. Usare il formato MM-GG (es. 06-24 per il 24 giugno)"
            + " oppure lasciare vuoto se il comune non ha una festa patronale.");
  }

  private static boolean flag(CommandParameter p, Map<CommandParameter, String> text) {
    String value = text.get(p).toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new CommandRuleException(
        "command.parameters.flag-invalid",
        p.italianLabel() + ": indicare attivo (true) o disattivo (false), non «" + value + "».");
  }

  private static int deadlineNumber(ProceduralDeadline d, String text) {
    if (text != null && text.matches("\\d{1,5}")) {
      return Integer.parseInt(text);
    }
    throw new CommandRuleException(
        "command.parameters.number-invalid",
        "Termine «"
            + d.italianLabel()
            + "»: indicare un numero intero di "
            + d.unit().italianPlural()
            + " (valore di legge "
            + d.unit().italian(d.legalValue())
            + ", "
            + d.legalReference()
            + "), non «"
            + (text == null ? "" : text)
            + "».");
  }

  private static LocalTime time(String which, String text) {
    if (text != null && text.matches("\\d{1,2}[:.]\\d{2}")) {
      String[] hm = text.split("[:.]");
      int h = Integer.parseInt(hm[0]);
      int m = Integer.parseInt(hm[1]);
      if (h <= 23 && m <= 59) {
        return LocalTime.of(h, m);
      }
    }
    throw new CommandRuleException(
        "command.parameters.time-invalid",
        "Orario di servizio: l'ora di "
            + which
            + " «"
            + (text == null ? "" : text)
            + "» non è valida. Usare il formato hh:mm (es. 07:00).");
  }

  private static int idleMinutes(String text) {
    if (text != null && text.matches("\\d{1,5}")) {
      return Integer.parseInt(text); // the range is checked by the constructor
    }
    throw new CommandRuleException(
        "command.parameters.session-idle-invalid",
        "Scadenza della sessione per inattività: indicare un numero intero di minuti (da "
            + MIN_IDLE_MINUTES
            + " a "
            + MAX_IDLE_MINUTES
            + "), non «"
            + (text == null ? "" : text)
            + "».");
  }
}
