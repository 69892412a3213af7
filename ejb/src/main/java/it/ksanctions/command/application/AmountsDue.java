package it.ksanctions.command.application;

import it.ksanctions.articles.application.ArticleCatalogue;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.CataloguedVersion;
import it.ksanctions.articles.domain.PaymentWindow;
import it.ksanctions.articles.domain.PaymentWindows;
import it.ksanctions.command.domain.FeeSchedule;
import it.ksanctions.command.domain.FeeSchedule.FeeLine;
import it.ksanctions.command.domain.NotificationChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a violation costs (SPEC ART-4, CMD-2): the payment windows of the article version in force
 * on the violation day (Articles context) plus the command's fees charged with it for the chosen
 * notification channel; the total due per window is the sanction plus the fees, which are never
 * discounted. The Command context combines the two because fees are its own; Articles knows nothing
 * of fees.
 *
 * <p>One transaction, two queries: the article version in force and the fee versions; the tenant's
 * calendar comes from the tenant snapshot the request already holds.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class AmountsDue {

  @Inject ArticleCatalogue catalogue;
  @Inject CommandFees fees;

  /** The amounts of one violation: the version applied, its windows and the fees charged. */
  public record Quote(
      CataloguedVersion version,
      PaymentWindows windows,
      NotificationChannel channel,
      List<FeeLine> fees) {

    /** The total due in {@code window}: its sanction plus every fee. */
    public BigDecimal total(PaymentWindow window) {
      return FeeSchedule.total(window.amount(), fees);
    }
  }

  /**
   * The quote of a violation of {@code article} at {@code violationAt}, contested or notified on
   * {@code notifiedOn}, with the notification fees of {@code channel} (none when null). Empty when
   * no version of the article is in force on the violation day.
   *
   * @throws it.ksanctions.articles.domain.NotificationBeforeViolationException when the
   *     notification precedes the violation
   */
  public Optional<Quote> quote(
      ArticleCode article,
      LocalDateTime violationAt,
      LocalDate notifiedOn,
      NotificationChannel channel) {
    Optional<CataloguedVersion> version = catalogue.inForce(article, violationAt.toLocalDate());
    if (version.isEmpty()) {
      return Optional.empty();
    }
    PaymentWindows windows =
        catalogue.paymentWindows(version.get().terms(), violationAt, notifiedOn);
    List<FeeLine> lines = fees.charged(violationAt.toLocalDate(), channel);
    return Optional.of(new Quote(version.get(), windows, channel, lines));
  }
}
