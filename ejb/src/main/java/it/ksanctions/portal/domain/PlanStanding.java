package it.ksanctions.portal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an {@link InstalmentPlan} stands on a day (art. 202-bis CdS): missing the first instalment,
 * or two later ones (consecutive or not), ends the plan ("decadenza") and the whole residual
 * becomes due at once.
 *
 * <p>An instalment is <em>missed</em> when it is still unpaid the day after its due date (no grace:
 * paying on the due date itself is in time), or when it was paid after its due date. The plan is
 * forfeited on the day after the due date of the instalment that triggers it, and stays forfeited
 * whatever is paid later. The residual due at once is the capital not yet repaid: the capital parts
 * of every unpaid instalment (the interest of the months not yet run is no longer owed).
 *
 * @param status ACTIVE, FORFEITED or COMPLETED
 * @param residualDue the capital not yet repaid: on FORFEITED what is due at once, on ACTIVE what
 *     the remaining instalments will repay, on COMPLETED zero
 * @param missed the numbers of the missed instalments, in order
 * @param forfeitedOn the day the plan ended, or null unless FORFEITED
 * @param italianMessage what the citizen or the officer reads: on FORFEITED the reason
 */
public record PlanStanding(
    Status status,
    BigDecimal residualDue,
    List<Integer> missed,
    LocalDate forfeitedOn,
    String italianMessage) {

  /** Where a plan stands. */
  public enum Status {
    /** Instalments are being paid by their due dates (at most one later one missed). */
    ACTIVE,
    /** The first or two later instalments were missed: the residual is due at once. */
    FORFEITED,
    /** Every instalment was paid and the plan did not end before. */
    COMPLETED
  }

  public PlanStanding {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(residualDue, "residualDue");
    missed = List.copyOf(missed);
    Objects.requireNonNull(italianMessage, "italianMessage");
  }

  /**
   * The standing on {@code today} when only which instalments are paid is known: a paid instalment
   * counts as paid in time.
   *
   * @param paid the numbers of the paid instalments (1 for the first)
   */
  public static PlanStanding evaluate(InstalmentPlan plan, Set<Integer> paid, LocalDate today) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(today, "today");
    Map<Integer, LocalDate> paidOn = new HashMap<>();
    for (Integer number : paid) {
      LocalDate dueDate = plan.instalment(Objects.requireNonNull(number, "paid")).dueDate();
      paidOn.put(number, dueDate.isAfter(today) ? today : dueDate);
    }
    return evaluate(plan, paidOn, today);
  }

  /**
   * The standing on {@code today} given the day each paid instalment was paid.
   *
   * @param paidOn the day each paid instalment was paid, by its number (1 for the first); days
   *     after {@code today} are not counted yet
   */
  public static PlanStanding evaluate(
      InstalmentPlan plan, Map<Integer, LocalDate> paidOn, LocalDate today) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(paidOn, "paidOn");
    Objects.requireNonNull(today, "today");
    for (Integer number : paidOn.keySet()) {
      plan.instalment(Objects.requireNonNull(number, "paid instalment number"));
    }
    Map<Integer, LocalDate> paidByToday =
        paidOn.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isAfter(today))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    // Walk the instalments in order of due date: the first forfeiting miss ends the plan.
    List<Integer> missed = new ArrayList<>();
    int laterMissed = 0;
    for (Instalment instalment : plan.instalments()) {
      LocalDate missedOn = instalment.dueDate().plusDays(1);
      if (missedOn.isAfter(today)) {
        break;
      }
      LocalDate paidDay = paidByToday.get(instalment.number());
      if (paidDay != null && !paidDay.isAfter(instalment.dueDate())) {
        continue;
      }
      missed.add(instalment.number());
      if (instalment.number() > 1) {
        laterMissed++;
      }
      if (instalment.number() == 1 || laterMissed == 2) {
        BigDecimal residual = unpaidCapital(plan, paidByToday);
        return new PlanStanding(
            Status.FORFEITED,
            residual,
            missed,
            missedOn,
            forfeitureMessage(instalment, missed, residual));
      }
    }
    BigDecimal residual = unpaidCapital(plan, paidByToday);
    if (paidByToday.size() == plan.count()) {
      return new PlanStanding(
          Status.COMPLETED,
          residual,
          missed,
          null,
          "Piano di rateizzazione completato: tutte le "
              + plan.count()
              + " rate sono state pagate.");
    }
    return new PlanStanding(Status.ACTIVE, residual, missed, null, activeMessage(missed));
  }

  private static BigDecimal unpaidCapital(InstalmentPlan plan, Map<Integer, LocalDate> paid) {
    return plan.instalments().stream()
        .filter(i -> !paid.containsKey(i.number()))
        .map(Instalment::capital)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }

  private static String forfeitureMessage(
      Instalment trigger, List<Integer> missed, BigDecimal residual) {
    String why =
        trigger.number() == 1
            ? "la prima rata, in scadenza il "
                + InstalmentRules.date(trigger.dueDate())
                + ", non è stata pagata entro la scadenza"
            : "le rate n. "
                + missed.stream()
                    .filter(n -> n > 1)
                    .map(String::valueOf)
                    .collect(Collectors.joining(" e n. "))
                + " non sono state pagate entro la scadenza";
    return "Decadenza dal pagamento rateale (art. 202-bis CdS): "
        + why
        + ". L'importo residuo di "
        + InstalmentRules.euro(residual)
        + " è dovuto in un'unica soluzione.";
  }

  private static String activeMessage(List<Integer> missed) {
    String message = "Piano di rateizzazione in corso.";
    if (!missed.isEmpty()) {
      message +=
          " La rata n. "
              + missed.get(0)
              + " non è stata pagata entro la scadenza: il mancato pagamento di un'altra rata"
              + " comporta la decadenza dal beneficio e il pagamento del residuo in un'unica"
              + " soluzione.";
    }
    return message;
  }
}
