package it.ksanctions.command;

import it.ksanctions.command.application.CommandRuns;
import it.ksanctions.command.application.ConfigurationRegister;
import it.ksanctions.command.application.ConfigurationRegister.Filter;
import it.ksanctions.command.domain.CommandRun;
import it.ksanctions.command.domain.CommandRunKind;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.ConfigChange;
import it.ksanctions.web.backoffice.Downloads;
import it.ksanctions.web.backoffice.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The configuration register of the command (seed 001 §11.4 "registro delle configurazioni"): every
 * change with time, user, category, old and new value and reference; CSV export; the accounting
 * batches and protocol runs in progress, during which the configuration is locked.
 */
@Named
@ViewScoped
public class RegisterView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;

  private ConfigCategory category;
  private LocalDate from;
  private LocalDate to;
  private String text;
  private List<ConfigChange> changes = List.of();
  private List<CommandRun> active = List.of();

  private CommandRunKind runKind = CommandRunKind.ACCOUNTING_BATCH;
  private String runDescription;

  @PostConstruct
  void load() {
    search();
  }

  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      Feedback.error("La data finale precede quella iniziale.");
      return;
    }
    List<ConfigChange> found =
        Feedback.attempt(() -> register.search(new Filter(category, from, to, text)), null);
    changes = found == null ? List.of() : found;
    active = runs.active();
  }

  public void exportCsv() {
    byte[] csv =
        Feedback.attempt(() -> register.exportCsv(new Filter(category, from, to, text)), null);
    if (csv != null) {
      Downloads.send(csv, Downloads.CSV, "registro-configurazioni.csv");
    }
  }

  public void startRun() {
    if (runDescription == null || runDescription.isBlank()) {
      Feedback.error("Descrivere l'elaborazione (es. Chiusura contabile di novembre).");
      return;
    }
    if (Feedback.attempt(
        () -> {
          runs.start(runKind, runDescription.strip());
        },
        "Elaborazione avviata: la configurazione è bloccata fino alla sua chiusura.")) {
      runDescription = null;
      search();
    }
  }

  public void finishRun(long id) {
    if (Feedback.attempt(
        () -> runs.finish(id), "Elaborazione chiusa: la configurazione è di nuovo modificabile.")) {
      search();
    }
  }

  public ConfigCategory[] getCategories() {
    return ConfigCategory.values();
  }

  public CommandRunKind[] getRunKinds() {
    return CommandRunKind.values();
  }

  public List<ConfigChange> getChanges() {
    return changes;
  }

  public List<CommandRun> getActive() {
    return active;
  }

  public ConfigCategory getCategory() {
    return category;
  }

  public void setCategory(ConfigCategory v) {
    category = v;
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

  public String getText() {
    return text;
  }

  public void setText(String v) {
    text = v;
  }

  public CommandRunKind getRunKind() {
    return runKind;
  }

  public void setRunKind(CommandRunKind v) {
    runKind = v;
  }

  public String getRunDescription() {
    return runDescription;
  }

  public void setRunDescription(String v) {
    runDescription = v;
  }
}
