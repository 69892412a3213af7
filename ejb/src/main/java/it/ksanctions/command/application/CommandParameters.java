package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.MANAGE_CONFIGURATION;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandParameter;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.GeneralParameters;
import it.ksanctions.command.domain.NumberingParameters;
import it.ksanctions.command.infrastructure.CommandParameterVersionRow;
import it.ksanctions.command.infrastructure.ParameterVersions;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command's general parameters (SPEC CMD-4): numbering of verbali, automatic protocol
 * registration, procedural deadlines, service hours, patron-saint day and security policy.
 *
 * <p>Each change is a new version of the parameter with date, user and reference (table {@code
 * command_parameter_version}; the current value is the highest version, a parameter never set has
 * its legal or product default), an entry of the configuration register (category NUMBERING or
 * PARAMETERS) and an audit record, all in one transaction; refused while an accounting batch or a
 * protocol run is active (CMD-7).
 *
 * <p>Two parameters also live where their readers look: the session idle timeout in the command
 * setting {@value #SESSION_IDLE_SETTING} (read by the back office at login), and the patron-saint
 * day in the platform tenant registry (read by the amounts engine's calendar). The registry is
 * written last, in its own transaction, after everything else was flushed: a later failure of this
 * commit would leave the registry changed without its version, never the reverse.
 */
@ApplicationScoped
@Transactional
public class CommandParameters {

  /** The command setting the back office reads for the session timeout (AdminAccessFilter). */
  public static final String SESSION_IDLE_SETTING = "session.idle.minutes";

  public static final int MAX_HISTORY = 1_000;

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");

  @Inject ParameterVersions versions;
  @Inject VerbaleNumbering numbering;
  @Inject CommandRuns runs;
  @Inject ConfigurationRegister register;
  @Inject CommandSettings settings;
  @Inject TenantRegistry registry;
  @Inject TenantDirectory directory;
  @Inject AuditRecorder audit;
  @Inject CurrentStaff currentStaff;

  Clock clock = Clock.systemUTC();

  /** One stored value of a parameter. */
  public record ParameterVersion(
      String name,
      String label,
      int version,
      String value,
      Instant changedAt,
      String changedBy,
      String reference) {}

  /**
   * The current parameters of the current tenant, for the rest of the code (not authorised: they
   * configure behaviour and hold nothing personal). Reads the platform registry for the
   * patron-saint day; code that only needs the numbering should use {@link #numbering()}.
   */
  public GeneralParameters current() {
    Map<CommandParameter, String> values = versions.latest(EnumSet.allOf(CommandParameter.class));
    settings
        .get(SESSION_IDLE_SETTING)
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,3}"))
        .filter(
            v ->
                Integer.parseInt(v) >= GeneralParameters.MIN_IDLE_MINUTES
                    && Integer.parseInt(v) <= GeneralParameters.MAX_IDLE_MINUTES)
        .ifPresent(v -> values.put(CommandParameter.SESSION_IDLE_MINUTES, v));
    values.put(CommandParameter.PATRON_SAINT_DAY, registeredPatronSaintDay().orElse(""));
    return GeneralParameters.fromText(values, GeneralParameters.defaults());
  }

  /** The current numbering of verbali (no registry read). */
  public NumberingParameters numbering() {
    return GeneralParameters.fromText(
            versions.latest(
                EnumSet.of(
                    CommandParameter.NUMBERING_PATTERN,
                    CommandParameter.NUMBERING_PREFIX,
                    CommandParameter.NUMBERING_ANNUAL_RESET)),
            GeneralParameters.defaults())
        .numbering();
  }

  /** The current parameters, for the page. */
  @Authorized(module = COMMAND, action = ACCESS)
  public GeneralParameters read() {
    return current();
  }

  /** Every stored version, newest first. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<ParameterVersion> history() {
    return versions.history(MAX_HISTORY).stream().map(CommandParameters::view).toList();
  }

  /**
   * Changes the parameters given in {@code values} (canonical texts; the others keep their value):
   * each changed one gets a new version by the signed-in user with {@code reference}.
   *
   * @return the parameters that changed, in the order of the page
   * @throws CommandRuleException when a value breaks a rule, nothing changes, or a batch or run is
   *     active
   */
  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public List<CommandParameter> change(Map<CommandParameter, String> values, String reference) {
    runs.ensureConfigurationMayChange();
    String by = currentStaff.requireActive().username();
    versions.lockExclusive();
    GeneralParameters before = current();
    GeneralParameters after = GeneralParameters.fromText(values, before);
    List<CommandParameter> changed = after.differencesFrom(before);
    if (changed.isEmpty()) {
      throw new CommandRuleException(
          "command.parameters.unchanged", "Nessuna modifica da salvare: i valori sono già questi.");
    }
    String ref = reference == null || reference.isBlank() ? null : reference.strip();
    Instant now = Instant.now(clock);
    Map<CommandParameter, String> oldText = before.asText();
    Map<CommandParameter, String> newText = after.asText();
    for (CommandParameter p : changed) {
      versions.append(p, newText.get(p), now, by, ref);
      register.record(
          p.category(), p.italianLabel(), shown(oldText.get(p)), shown(newText.get(p)), ref);
    }
    if (changed.contains(CommandParameter.SESSION_IDLE_MINUTES)) {
      settings.put(SESSION_IDLE_SETTING, Integer.toString(after.sessionIdleMinutes()));
    }
    if (changed.contains(CommandParameter.NUMBERING_ANNUAL_RESET)) {
      numbering.annualResetSwitched(
          after.numbering().annualReset(), LocalDate.now(clock.withZone(ROME)).getYear());
    }
    audit.record(
        COMMAND,
        "Parametri generali",
        AuditOperation.CHANGE,
        changed.stream()
            .map(p -> p.key() + "=" + shown(newText.get(p)))
            .collect(Collectors.joining(", ")));
    if (changed.contains(CommandParameter.PATRON_SAINT_DAY)) {
      directory.changePatronSaintDay(TenantContext.require().slug(), after.patronSaintDayText());
    }
    return changed;
  }

  /** Convenience for callers changing one parameter. */
  @Authorized(module = COMMAND, action = MANAGE_CONFIGURATION)
  public List<CommandParameter> change(CommandParameter parameter, String value, String reference) {
    Map<CommandParameter, String> values = new EnumMap<>(CommandParameter.class);
    values.put(parameter, value);
    return change(values, reference);
  }

  private Optional<String> registeredPatronSaintDay() {
    return registry.find(TenantContext.require().slug()).map(Tenant::getPatronSaintDay);
  }

  private static String shown(String text) {
    return text == null || text.isEmpty() ? "(nessuno)" : text;
  }

  private static ParameterVersion view(CommandParameterVersionRow row) {
    return new ParameterVersion(
        row.name(),
        CommandParameter.byKey(row.name()).map(CommandParameter::italianLabel).orElse(row.name()),
        row.version(),
        row.value(),
        row.changedAt(),
        row.changedBy(),
        row.reference());
  }
}
