package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppAction.DELETE_LOGICAL;
import static it.ksanctions.permissions.domain.AppAction.EDIT;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.ConfigCategory;
import it.ksanctions.command.domain.Dates;
import it.ksanctions.command.domain.Fee;
import it.ksanctions.command.domain.FeeSchedule;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import it.ksanctions.command.infrastructure.FeeRow;
import it.ksanctions.permissions.application.AuditRecorder;
import it.ksanctions.permissions.application.Authorized;
import it.ksanctions.permissions.application.CurrentStaff;
import it.ksanctions.permissions.domain.AuditOperation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fees of the current command (SPEC CMD-2, CMD-7): versions valid from a day, full history, a
 * new version closes the one in force the day before, logical deletion refused for fees used by
 * issued verbali, and the fee lines a verbale is charged (never discounted).
 */
@ApplicationScoped
@Transactional
public class CommandFees {

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CurrentStaff currentStaff;
  @Inject AuditRecorder audit;
  @Inject ConfigurationRegister register;
  @Inject CommandRuns runs;
  @Inject CommandUsage usage;

  Clock clock = Clock.systemUTC();

  /** A stored version with its history data and how many verbali use its code. */
  public record FeeVersionView(
      long id,
      Fee fee,
      Instant createdAt,
      String createdBy,
      String reason,
      boolean deleted,
      Instant deletedAt,
      String deletedBy,
      long uses) {}

  /** Every version, deleted ones included (the history), newest start first per code. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<FeeVersionView> history() {
    return em
        .createQuery(
            "select f from FeeRow f order by f.code, f.validFrom desc, f.id desc", FeeRow.class)
        .getResultList()
        .stream()
        .map(
            f ->
                new FeeVersionView(
                    f.id(),
                    f.toDomain(),
                    f.createdAt(),
                    f.createdBy(),
                    f.reason(),
                    f.deleted(),
                    f.deletedAt(),
                    f.deletedBy(),
                    usage.feeUses(f.code())))
        .toList();
  }

  /** The versions that count (not deleted): what totals and anomalies are made of. */
  public List<Fee> effective() {
    return liveRows().stream().map(FeeRow::toDomain).toList();
  }

  /**
   * Adds a fee, or a new version of an existing code from its start day (the version in force then
   * ends the day before).
   */
  @Authorized(module = COMMAND, action = EDIT)
  public Fee addVersion(Fee fee, String reason) {
    runs.ensureConfigurationMayChange();
    Fee valid = fee.validated();
    String by = currentStaff.requireActive().username();
    Instant now = Instant.now(clock);
    List<FeeRow> live = liveRows();
    // The domain decides which version closes (and refuses a start that rewrites history); the
    // row of the version it closed takes the new last day.
    Map<LocalDate, LocalDate> lastDays =
        new FeeSchedule(live.stream().map(FeeRow::toDomain).toList())
            .withNewVersion(valid).stream()
                .filter(
                    f -> f.code().equals(valid.code()) && !f.validFrom().equals(valid.validFrom()))
                .collect(
                    HashMap::new, (m, f) -> m.put(f.validFrom(), f.validTo()), HashMap::putAll);
    Fee previous = null;
    for (FeeRow row : live) {
      if (row.code().equals(valid.code())
          && !Objects.equals(lastDays.get(row.validFrom()), row.validTo())) {
        previous = row.toDomain();
        row.closeOn(lastDays.get(row.validFrom()));
      }
    }
    em.persist(FeeRow.of(valid, now, by, blank(reason)));
    register.record(
        ConfigCategory.FEES,
        "Spesa " + valid.code(),
        previous == null ? null : describe(previous),
        describe(valid),
        valid.legalReference());
    audit.record(COMMAND, "Spese: nuova versione", AuditOperation.CHANGE, valid.code());
    em.flush();
    return valid;
  }

  /** Ends the validity of a fee's current version on {@code lastDay} (a fee no longer charged). */
  @Authorized(module = COMMAND, action = EDIT)
  public void endValidity(String code, LocalDate lastDay, String reference) {
    runs.ensureConfigurationMayChange();
    if (lastDay == null) {
      throw new CommandRuleException(
          "command.fee.end-day-missing", "Indicare l'ultimo giorno di validità della spesa.");
    }
    if (reference == null || reference.isBlank()) {
      throw new CommandRuleException(
          "command.fee.reference-missing",
          "Indicare il riferimento normativo o deliberativo della chiusura.");
    }
    FeeRow current =
        liveRows().stream()
            .filter(r -> r.code().equals(code) && r.validTo() == null)
            .findFirst()
            .orElseThrow(
                () ->
                    new CommandRuleException(
                        "command.fee.no-open-version",
                        "La spesa " + code + " non ha una versione a tempo indeterminato."));
    if (lastDay.isBefore(current.validFrom())) {
      throw new CommandRuleException(
          "command.fee.end-before-start",
          "L'ultimo giorno di validità precede l'inizio della versione ("
              + Dates.italian(current.validFrom())
              + ").");
    }
    String before = describe(current.toDomain());
    current.closeOn(lastDay);
    register.record(
        ConfigCategory.FEES, "Spesa " + code, before, describe(current.toDomain()), reference);
    audit.record(COMMAND, "Spese: fine validità", AuditOperation.CHANGE, code);
  }

  /**
   * Deletes a version logically: refused when issued verbali use the fee (close its validity
   * instead) — the history keeps it either way.
   */
  @Authorized(module = COMMAND, action = DELETE_LOGICAL)
  public void delete(long id, String reason) {
    runs.ensureConfigurationMayChange();
    FeeRow row = em.find(FeeRow.class, id);
    if (row == null || row.deleted()) {
      throw new CommandRuleException(
          "command.fee.unknown", "Versione della spesa inesistente o già eliminata.");
    }
    if (reason == null || reason.isBlank()) {
      throw new CommandRuleException(
          "command.fee.reason-missing", "Indicare il motivo dell'eliminazione.");
    }
    long uses = usage.feeUses(row.code());
    if (uses > 0) {
      throw new CommandRuleException(
          "command.fee.in-use",
          "La spesa "
              + row.code()
              + " è applicata a "
              + uses
              + (uses == 1 ? " verbale" : " verbali")
              + " emessi: non si può eliminare. Per non applicarla più, chiuderne la validità.");
    }
    row.delete(Instant.now(clock), currentStaff.requireActive().username());
    register.record(
        ConfigCategory.FEES, "Spesa " + row.code(), describe(row.toDomain()), "eliminata", reason);
    audit.record(COMMAND, "Spese: eliminazione", AuditOperation.DELETE, row.code());
  }

  /**
   * The fee lines a verbale of {@code day} is charged when notified by {@code channel} (null: no
   * notification fee yet). Not authorised by itself: the amounts it returns are the command's
   * public tariff.
   */
  public List<FeeLine> charged(LocalDate day, NotificationChannel channel) {
    return new FeeSchedule(effective()).charged(day, channel);
  }

  private List<FeeRow> liveRows() {
    return em.createQuery(
            "select f from FeeRow f where f.deletedAt is null order by f.code, f.validFrom",
            FeeRow.class)
        .getResultList();
  }

  static String describe(Fee f) {
    return f.description()
        + " — "
        + f.category().italianLabel()
        + (f.channel() == null ? "" : " " + f.channel().italianLabel())
        + ", "
        + f.amountKind().italianLabel().toLowerCase(java.util.Locale.ITALIAN)
        + " € "
        + f.amount().toPlainString().replace('.', ',')
        + ", dal "
        + Dates.italian(f.validFrom())
        + (f.validTo() == null ? "" : " al " + Dates.italian(f.validTo()));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
