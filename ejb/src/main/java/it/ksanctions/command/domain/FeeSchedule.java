package it.ksanctions.command.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The fees of a command over time (CMD-2), and the rule that builds the total due: <b>total =
 * sanction + assessment fees + notification fees</b> (seed 001 §11.4 "Configurazione e calcolo
 * automatico"). The administrative fees are charged with the assessment ones ("spese di
 * accertamento, notifica e gestione amministrativa … applicate automaticamente ai verbali"); the
 * notification fees are those of the channel the verbale goes by. Fees are never discounted: the
 * same lines are added to every payment window, reduced or not.
 *
 * <p>Versions of one code never overlap: a new version from a day closes the current one the day
 * before ({@link #withNewVersion}).
 */
public final class FeeSchedule {

  /** One fee charged on a verbale. */
  public record FeeLine(String code, String description, FeeCategory category, BigDecimal amount) {}

  private final List<Fee> versions;

  public FeeSchedule(List<Fee> versions) {
    this.versions = List.copyOf(versions);
  }

  public List<Fee> versions() {
    return versions;
  }

  /** The fees charged on a verbale of {@code day} notified by {@code channel} (null: none yet). */
  public List<FeeLine> charged(LocalDate day, NotificationChannel channel) {
    Objects.requireNonNull(day, "day");
    return versions.stream()
        .filter(f -> f.inForceOn(day))
        .filter(
            f ->
                f.category() != FeeCategory.NOTIFICATION
                    || (channel != null && f.channel() == channel))
        .sorted(Comparator.comparing(Fee::category).thenComparing(Fee::code))
        .map(f -> new FeeLine(f.code(), f.description(), f.category(), f.amount()))
        .toList();
  }

  /** The sum of {@code lines}. */
  public static BigDecimal sum(List<FeeLine> lines) {
    return lines.stream().map(FeeLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  /** Total due for a sanction amount: the sanction plus every fee line, never discounted. */
  public static BigDecimal total(BigDecimal sanction, List<FeeLine> lines) {
    return sanction.setScale(2).add(sum(lines));
  }

  /**
   * The versions after {@code fee} takes effect: a fee with a new code is added; for an existing
   * code, the version in force on the new start day ends the day before, and a version starting on
   * or after that day is refused (history is not rewritten).
   */
  public List<Fee> withNewVersion(Fee fee) {
    Fee valid = fee.validated();
    List<Fee> result = new ArrayList<>();
    for (Fee existing : versions) {
      if (!existing.code().equals(valid.code())) {
        result.add(existing);
        continue;
      }
      if (!existing.validFrom().isBefore(valid.validFrom())) {
        throw new CommandRuleException(
            "command.fee.version-not-after",
            "La spesa "
                + valid.code()
                + " ha già una versione dal "
                + Dates.italian(existing.validFrom())
                + ": la nuova versione deve iniziare dopo.");
      }
      if (existing.overlaps(valid)) {
        result.add(
            new Fee(
                existing.code(),
                existing.description(),
                existing.category(),
                existing.channel(),
                existing.amountKind(),
                existing.amount(),
                existing.validFrom(),
                valid.validFrom().minusDays(1),
                existing.legalReference()));
      } else {
        result.add(existing);
      }
    }
    result.add(valid);
    return result;
  }
}
