package it.ksanctions.articles.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's answer for one violation: its payment windows in the order a citizen meets them
 * ({@link PaymentWindowType#REDUCED_30} when allowed, then {@link PaymentWindowType#MINIMUM}, then
 * {@link PaymentWindowType#HALF_MAXIMUM}), and whether the amounts include the night increase, so
 * the verbale can say why they differ from the catalogue's. A local regulation's answer has only
 * {@link PaymentWindowType#MINIMUM} (L. 689/1981 art. 16, ADR 0004) and never the night increase.
 */
public record PaymentWindows(List<PaymentWindow> windows, boolean nightIncrease) {

  public PaymentWindows {
    windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
  }

  /** The window of this type, empty when the law does not offer it (e.g. no 30% reduction). */
  public Optional<PaymentWindow> window(PaymentWindowType type) {
    return windows.stream().filter(w -> w.type() == type).findFirst();
  }

  /** Whether the 30% reduction within 5 days is offered. */
  public boolean reducedPaymentOffered() {
    return window(PaymentWindowType.REDUCED_30).isPresent();
  }
}
