package it.ksanctions.payments.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Reconciles a pagoPA receipt with its act (issue 15 item 6; art. 202 and 203 CdS): the amount due
 * on the payment day follows the act's windows — the reduced total within its last day (or before
 * notification, when no last day is known yet), else the minimum within 60 days, else half the
 * maximum — less what was already paid. Pure: the caller reads the act and stores the result.
 */
public final class Reconciliation {

  private Reconciliation() {}

  /** A payment window of the act: its type name, total due and last day (null: not running). */
  public record Window(String type, BigDecimal total, LocalDate lastDay, String iuv) {}

  /**
   * The act as reconciliation sees it: annulled, its windows, what was paid before, and whether
   * that already settled it (a reduced payment in time settles an act for less than the minimum).
   */
  public record ActState(
      boolean annulled, List<Window> windows, BigDecimal alreadyPaid, boolean settled) {
    public ActState(boolean annulled, List<Window> windows, BigDecimal alreadyPaid) {
      this(annulled, windows, alreadyPaid, false);
    }
  }

  /** The result: outcome, whether the act is now paid in full, residual and excess. */
  public record Result(
      ReceiptOutcome outcome, boolean paidInFull, BigDecimal residual, BigDecimal excess) {}

  static final String REDUCED = "REDUCED_30";
  static final String MINIMUM = "MINIMUM";
  static final String HALF_MAXIMUM = "HALF_MAXIMUM";

  /**
   * @param act the act, or null when no act has the receipt's IUV
   * @param iuv the receipt's IUV
   * @param amount the amount paid
   * @param paidOn the payment day (Italian time)
   */
  public static Result reconcile(ActState act, String iuv, BigDecimal amount, LocalDate paidOn) {
    Objects.requireNonNull(amount, "amount");
    if (act == null) {
      return new Result(ReceiptOutcome.UNKNOWN_IUV, false, BigDecimal.ZERO, amount);
    }
    if (act.annulled()) {
      return new Result(ReceiptOutcome.ANNULLED_ACT, false, BigDecimal.ZERO, amount);
    }
    BigDecimal due = dueOn(act.windows(), iuv, paidOn);
    BigDecimal remaining = due.subtract(act.alreadyPaid());
    if (act.settled() || remaining.signum() <= 0) {
      return new Result(ReceiptOutcome.DUPLICATE, true, BigDecimal.ZERO, amount);
    }
    int cmp = amount.compareTo(remaining);
    if (cmp == 0) {
      return new Result(ReceiptOutcome.APPLIED, true, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    if (cmp > 0) {
      return new Result(ReceiptOutcome.OVERPAID, true, BigDecimal.ZERO, amount.subtract(remaining));
    }
    Window paidWindow = windowOf(act.windows(), iuv);
    boolean lateReduced =
        paidWindow != null
            && REDUCED.equals(paidWindow.type())
            && paidWindow.lastDay() != null
            && paidOn.isAfter(paidWindow.lastDay())
            && amount.compareTo(paidWindow.total()) == 0;
    return new Result(
        lateReduced ? ReceiptOutcome.LATE_REDUCED : ReceiptOutcome.PARTIAL,
        false,
        remaining.subtract(amount),
        BigDecimal.ZERO);
  }

  /** The total due on {@code day} for a payment made with {@code iuv}'s notice. */
  public static BigDecimal dueOn(List<Window> windows, String iuv, LocalDate day) {
    Window reduced = byType(windows, REDUCED);
    Window minimum = byType(windows, MINIMUM);
    Window half = byType(windows, HALF_MAXIMUM);
    Window paid = windowOf(windows, iuv);
    if (reduced != null
        && (paid == null || REDUCED.equals(paid.type()))
        && (reduced.lastDay() == null || !day.isAfter(reduced.lastDay()))) {
      return reduced.total();
    }
    if (minimum != null && (minimum.lastDay() == null || !day.isAfter(minimum.lastDay()))) {
      return minimum.total();
    }
    if (half != null) {
      return half.total();
    }
    if (minimum != null) {
      return minimum.total();
    }
    throw new IllegalArgumentException("The act has no payment window");
  }

  private static Window windowOf(List<Window> windows, String iuv) {
    return windows.stream()
        .filter(w -> iuv != null && iuv.equals(w.iuv()))
        .findFirst()
        .orElse(null);
  }

  private static Window byType(List<Window> windows, String type) {
    return windows.stream().filter(w -> w.type().equals(type)).findFirst().orElse(null);
  }
}
