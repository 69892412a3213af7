package it.ksanctions.command.application;

import static it.ksanctions.permissions.domain.AppAction.ACCESS;
import static it.ksanctions.permissions.domain.AppModule.COMMAND;

import it.ksanctions.command.domain.CommandParameter;
import it.ksanctions.command.domain.CommandRuleException;
import it.ksanctions.command.domain.GeneralParameters;
import it.ksanctions.command.domain.NumberingParameters;
import it.ksanctions.command.domain.VerbaleNumberPattern;
import it.ksanctions.command.infrastructure.ParameterVersions;
import it.ksanctions.permissions.application.Authorized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Gapless numbering of verbali (SPEC CMD-4, LIF-2): one sequence per tenant (schema), prefix and
 * year — year 0 when the annual reset is off.
 *
 * <p>A number is taken with one upsert that increments the sequence row in the <em>caller's</em>
 * transaction, the one that stores the verbale. PostgreSQL keeps the row locked until that
 * transaction ends: a concurrent allocation of the same sequence waits, a commit publishes the
 * number together with its verbale, a rollback gives it back to the next caller. So numbers have no
 * gap and no duplicate, on any number of cluster nodes, without a table lock or a counter in
 * memory. The price is that allocations of one sequence are serialised for the rest of the caller's
 * transaction: allocate last, just before the verbale is stored.
 */
@ApplicationScoped
@Transactional
public class VerbaleNumbering {

  private static final String TAKE_NEXT =
      "insert into verbale_number_sequence (prefix, year, last_number) values (:prefix, :year, :n)"
          + " on conflict (prefix, year) do update"
          + " set last_number = verbale_number_sequence.last_number + :n"
          + " returning last_number";

  /** The most numbers one block may take at once. */
  public static final int MAX_BLOCK_SIZE = 100;

  private static final EnumSet<CommandParameter> NUMBERING =
      EnumSet.of(
          CommandParameter.NUMBERING_PATTERN,
          CommandParameter.NUMBERING_PREFIX,
          CommandParameter.NUMBERING_ANNUAL_RESET);

  @PersistenceContext(unitName = "tenant")
  EntityManager em;

  @Inject CommandHealth health;
  @Inject ParameterVersions parameters;

  /** A number taken for a verbale: its prefix, the year printed, the progressive and the text. */
  public record AllocatedNumber(String prefix, int year, long progressive, String text) {}

  /**
   * Consecutive numbers taken at once (a block reserved to a mobile device): same prefix and year,
   * progressives without a gap, in order.
   */
  public record AllocatedBlock(String prefix, int year, List<AllocatedNumber> numbers) {
    public long firstProgressive() {
      return numbers.get(0).progressive();
    }
  }

  /** A sequence as the page shows it; year 0 is the continuous one (no annual reset). */
  public record SequenceView(String prefix, int year, long lastNumber) {
    public boolean continuous() {
      return year == 0;
    }
  }

  /**
   * Takes the next number of {@code prefix} (the command's default prefix when null or blank) for a
   * verbale issued on {@code issueDay}, printed with the command's current pattern. Must run inside
   * the transaction that stores the verbale (hence {@code MANDATORY}): the number is final when it
   * commits and returned when it rolls back.
   *
   * <p>Not authorised here: the caller (issuing a verbale) is.
   *
   * @throws CommandRuleException when a serious anomaly of the configuration is open ({@code
   *     command.anomalies.blocking}, naming each), when the prefix is invalid, or differs from the
   *     default prefix while the pattern does not print it
   */
  @Transactional(TxType.MANDATORY)
  public AllocatedNumber allocate(String prefix, LocalDate issueDay) {
    // CMD-7: serious anomalies of the configuration block the issuing of new verbali.
    health.ensureVerbaliMayBeIssued();
    return takeNext(prefix, issueDay, 1).numbers().get(0);
  }

  /**
   * Takes {@code size} consecutive numbers of {@code prefix} at once, for a block reserved to a
   * mobile device that contests on the spot while offline: one increment of the sequence, so the
   * block has no gap and no other allocation interleaves. Same rules and same transaction contract
   * as {@link #allocate}: the caller's transaction stores the block with its numbers, and from then
   * on each number must be accounted for (used or annulled), never reused.
   *
   * @param size 1 to {@value #MAX_BLOCK_SIZE}
   * @throws CommandRuleException as {@link #allocate}
   */
  @Transactional(TxType.MANDATORY)
  public AllocatedBlock allocateBlock(String prefix, LocalDate issueDay, int size) {
    if (size < 1 || size > MAX_BLOCK_SIZE) {
      throw new IllegalArgumentException("A block has 1 to " + MAX_BLOCK_SIZE + " numbers");
    }
    health.ensureVerbaliMayBeIssued();
    return takeNext(prefix, issueDay, size);
  }

  private AllocatedBlock takeNext(String prefix, LocalDate issueDay, int count) {
    Objects.requireNonNull(issueDay, "issueDay");
    parameters.lockShared();
    NumberingParameters numbering = currentNumbering();
    String chosen =
        prefix == null || prefix.isBlank()
            ? numbering.defaultPrefix()
            : VerbaleNumberPattern.requireValidPrefix(prefix);
    if (!numbering.pattern().printsPrefix() && !chosen.equals(numbering.defaultPrefix())) {
      throw new CommandRuleException(
          "command.numbering.prefix-not-in-pattern",
          "Il prefisso "
              + chosen
              + " non compare nello schema di numerazione ("
              + numbering.pattern().text()
              + "): i suoi verbali avrebbero gli stessi numeri di quelli con il prefisso "
              + numbering.defaultPrefix()
              + ". Usare il prefisso predefinito o aggiungere {PREFISSO} allo schema.");
    }
    int year = issueDay.getYear();
    long last =
        ((Number)
                em.createNativeQuery(TAKE_NEXT)
                    .setParameter("prefix", chosen)
                    .setParameter("year", numbering.sequenceYear(year))
                    .setParameter("n", count)
                    .getSingleResult())
            .longValue();
    List<AllocatedNumber> numbers = new java.util.ArrayList<>(count);
    for (long progressive = last - count + 1; progressive <= last; progressive++) {
      numbers.add(
          new AllocatedNumber(
              chosen, year, progressive, numbering.pattern().format(chosen, year, progressive)));
    }
    return new AllocatedBlock(chosen, year, List.copyOf(numbers));
  }

  /** The current sequences, by prefix and newest year first. */
  @Authorized(module = COMMAND, action = ACCESS)
  public List<SequenceView> sequences() {
    List<?> rows =
        em.createNativeQuery(
                "select prefix, year, last_number from verbale_number_sequence"
                    + " order by prefix, year desc")
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            r ->
                new SequenceView(
                    (String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue()))
        .toList();
  }

  /**
   * Keeps numbers unique when the annual reset is switched (called by a parameter change, under the
   * exclusive parameter lock). Switched off: the continuous sequence of each prefix goes on after
   * the highest number any of its sequences gave. Switched on: this year's sequence of each prefix
   * goes on after the continuous one, which printed this year's numbers so far.
   */
  public void annualResetSwitched(boolean resetNowOn, int currentYear) {
    if (resetNowOn) {
      em.createNativeQuery(
              "insert into verbale_number_sequence (prefix, year, last_number)"
                  + " select prefix, :year, last_number from verbale_number_sequence where year = 0"
                  + " on conflict (prefix, year) do update set last_number ="
                  + " greatest(verbale_number_sequence.last_number, excluded.last_number)")
          .setParameter("year", currentYear)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "insert into verbale_number_sequence (prefix, year, last_number)"
                  + " select prefix, 0, max(last_number) from verbale_number_sequence"
                  + " where year <> 0 group by prefix"
                  + " on conflict (prefix, year) do update set last_number ="
                  + " greatest(verbale_number_sequence.last_number, excluded.last_number)")
          .executeUpdate();
    }
  }

  private NumberingParameters currentNumbering() {
    return GeneralParameters.fromText(parameters.latest(NUMBERING), GeneralParameters.defaults())
        .numbering();
  }
}
