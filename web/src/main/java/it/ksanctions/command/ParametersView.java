package it.ksanctions.command;

import it.ksanctions.command.application.CommandParameters;
import it.ksanctions.command.application.CommandParameters.ParameterVersion;
import it.ksanctions.command.application.VerbaleNumbering;
import it.ksanctions.command.application.VerbaleNumbering.SequenceView;
import it.ksanctions.command.domain.CommandParameter;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.GeneralParameters;
import it.ksanctions.command.domain.ProceduralDeadline;
import it.ksanctions.command.domain.VerbaleNumberPattern;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AppAction;
import it.ksanctions.permissions.domain.AppModule;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * General parameters of the command (CMD-4): numbering of verbali with a live preview, automatic
 * protocol registration, procedural deadlines, service hours, patron-saint day, security policy;
 * their version history and the current numbering sequences. The rules and their Italian messages
 * are the domain's; the page only collects the texts and shows the outcome.
 */
@Named
@ViewScoped
public class ParametersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject CommandParameters parameters;
  @Inject VerbaleNumbering numbering;
  @Inject CurrentStaff currentStaff;

  private String pattern;
  private String prefix;
  private boolean annualReset;
  private boolean automaticProtocol;
  private final Map<String, String> deadlines = new HashMap<>();
  private String serviceStart;
  private String serviceEnd;
  private String patronSaintDay;
  private String sessionIdleMinutes;
  private boolean strongAuthentication;
  private boolean citizensSpidCie;
  private String reference;

  private List<ParameterVersion> history = List.of();
  private List<SequenceView> sequences = List.of();

  @PostConstruct
  void load() {
    GeneralParameters current = Feedback.attempt(() -> parameters.read(), null);
    if (current != null) {
      show(current);
    }
    List<ParameterVersion> versions = Feedback.attempt(() -> parameters.history(), null);
    history = versions == null ? List.of() : versions;
    List<SequenceView> views = Feedback.attempt(() -> numbering.sequences(), null);
    sequences = views == null ? List.of() : views;
  }

  private void show(GeneralParameters p) {
    Map<CommandParameter, String> text = p.asText();
    pattern = text.get(CommandParameter.NUMBERING_PATTERN);
    prefix = text.get(CommandParameter.NUMBERING_PREFIX);
    annualReset = p.numbering().annualReset();
    automaticProtocol = p.automaticProtocol();
    for (ProceduralDeadline d : ProceduralDeadline.values()) {
      deadlines.put(d.name(), Integer.toString(p.deadline(d)));
    }
    serviceStart = text.get(CommandParameter.SERVICE_START);
    serviceEnd = text.get(CommandParameter.SERVICE_END);
    patronSaintDay = text.get(CommandParameter.PATRON_SAINT_DAY);
    sessionIdleMinutes = text.get(CommandParameter.SESSION_IDLE_MINUTES);
    strongAuthentication = p.strongAuthentication();
    citizensSpidCie = p.citizensSpidCie();
  }

  /** The first number the pattern would print this year, or the rule it breaks. */
  public String getPreview() {
    try {
      int year = LocalDate.now(ZoneId.of("Europe/Rome")).getYear();
      return "Anteprima: " + VerbaleNumberPattern.of(pattern, annualReset).preview(prefix, year, 1);
    } catch (CommandRuleException e) {
      return e.italianMessage();
    }
  }

  /** Whether the preview shows a number (else it shows a broken rule). */
  public boolean isPreviewValid() {
    return getPreview().startsWith("Anteprima: ");
  }

  public void save() {
    Map<CommandParameter, String> values = new EnumMap<>(CommandParameter.class);
    values.put(CommandParameter.NUMBERING_PATTERN, pattern);
    values.put(CommandParameter.NUMBERING_PREFIX, prefix);
    values.put(CommandParameter.NUMBERING_ANNUAL_RESET, Boolean.toString(annualReset));
    values.put(CommandParameter.AUTOMATIC_PROTOCOL, Boolean.toString(automaticProtocol));
    for (ProceduralDeadline d : ProceduralDeadline.values()) {
      values.put(CommandParameter.of(d), deadlines.get(d.name()));
    }
    values.put(CommandParameter.SERVICE_START, serviceStart);
    values.put(CommandParameter.SERVICE_END, serviceEnd);
    values.put(CommandParameter.PATRON_SAINT_DAY, patronSaintDay);
    values.put(CommandParameter.SESSION_IDLE_MINUTES, sessionIdleMinutes);
    values.put(CommandParameter.STRONG_AUTHENTICATION, Boolean.toString(strongAuthentication));
    values.put(CommandParameter.CITIZENS_SPID_CIE, Boolean.toString(citizensSpidCie));
    List<CommandParameter> changed =
        Feedback.attempt(() -> parameters.change(values, reference), null);
    if (changed != null) {
      Feedback.info(
          (changed.size() == 1
                  ? "Salvato il parametro: "
                  : "Salvati " + changed.size() + " parametri: ")
              + changed.stream()
                  .map(CommandParameter::italianLabel)
                  .collect(Collectors.joining("; "))
              + ". La nuova versione è registrata con data e utente.");
      reference = null;
      load();
    }
  }

  public boolean isReadOnly() {
    return !currentStaff.allows(AppModule.COMMAND, AppAction.MANAGE_CONFIGURATION);
  }

  public ProceduralDeadline[] getDeadlineTypes() {
    return ProceduralDeadline.values();
  }

  /** The year of a sequence as the page shows it. */
  public String yearLabel(SequenceView s) {
    return s.continuous() ? "Continua (senza azzeramento annuale)" : Integer.toString(s.year());
  }

  public List<ParameterVersion> getHistory() {
    return history;
  }

  public List<SequenceView> getSequences() {
    return sequences;
  }

  public Map<String, String> getDeadlines() {
    return deadlines;
  }

  public String getPattern() {
    return pattern;
  }

  public void setPattern(String v) {
    pattern = v;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String v) {
    prefix = v;
  }

  public boolean isAnnualReset() {
    return annualReset;
  }

  public void setAnnualReset(boolean v) {
    annualReset = v;
  }

  public boolean isAutomaticProtocol() {
    return automaticProtocol;
  }

  public void setAutomaticProtocol(boolean v) {
    automaticProtocol = v;
  }

  public String getServiceStart() {
    return serviceStart;
  }

  public void setServiceStart(String v) {
    serviceStart = v;
  }

  public String getServiceEnd() {
    return serviceEnd;
  }

  public void setServiceEnd(String v) {
    serviceEnd = v;
  }

  public String getPatronSaintDay() {
    return patronSaintDay;
  }

  public void setPatronSaintDay(String v) {
    patronSaintDay = v;
  }

  public String getSessionIdleMinutes() {
    return sessionIdleMinutes;
  }

  public void setSessionIdleMinutes(String v) {
    sessionIdleMinutes = v;
  }

  public boolean isStrongAuthentication() {
    return strongAuthentication;
  }

  public void setStrongAuthentication(boolean v) {
    strongAuthentication = v;
  }

  public boolean isCitizensSpidCie() {
    return citizensSpidCie;
  }

  public void setCitizensSpidCie(boolean v) {
    citizensSpidCie = v;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String v) {
    reference = v;
  }
}
