package it.ksanctions.payments.application;

import java.net.URI;

/**
 * The port to pagoPA Checkout (issue 16 item 3): a cart of one notice, the addresses the citizen
 * comes back to, and the Checkout page the citizen is sent to in answer.
 */
public interface CheckoutGateway {

  /** One notice to pay. */
  record Notice(
      String noticeNumber,
      String creditorTaxCode,
      long amountCents,
      String companyName,
      String description) {}

  /** Where Checkout sends the citizen back. */
  record ReturnUrls(URI ok, URI cancel, URI error) {}

  /**
   * Opens a cart and answers the Checkout page to send the citizen to.
   *
   * @throws CheckoutUnavailable when Checkout cannot be reached or refuses the cart
   */
  URI openCart(Notice notice, ReturnUrls returnUrls, String emailNotice) throws CheckoutUnavailable;

  /** Checkout did not open the cart; the Italian message says what to do. */
  final class CheckoutUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckoutUnavailable(String italianMessage, Throwable cause) {
      super(italianMessage, cause);
    }
  }
}
