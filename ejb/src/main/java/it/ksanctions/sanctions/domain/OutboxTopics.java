package it.ksanctions.sanctions.domain;

/**
 * The work the lifecycle hands to the outbox when an act changes (issue 15): each topic is handled
 * by the context that owns the outside service — payments for the debt positions and receipts,
 * notifications for the sending. Values are stored: never change them.
 */
public final class OutboxTopics {

  /** Publish the act's debt position on pagoPA GPD (at issue). */
  public static final String DEBT_POSITION_PUBLISH = "debt-position.publish";

  /** Update the due dates of the act's payment options (when the notification perfects). */
  public static final String DEBT_POSITION_DUE_DATES = "debt-position.due-dates";

  /** Invalidate the act's debt position (annulment). */
  public static final String DEBT_POSITION_INVALIDATE = "debt-position.invalidate";

  /** Notify the act through SEND (sent for notification). */
  public static final String NOTIFY_SEND = "notification.send";

  /** Notify the act by PEC from the command's own mailbox. */
  public static final String NOTIFY_PEC = "notification.pec";

  /** E-mail the payer the receipt (quietanza) of a payment. */
  public static final String RECEIPT_MAIL = "receipt.mail";

  /** Publish the debt positions of an approved instalment plan's instalments (art. 202-bis). */
  public static final String INSTALMENT_POSITIONS_PUBLISH = "instalment-positions.publish";

  /** Invalidates on GPD the positions of the instalments a forfeited plan cancelled. */
  public static final String INSTALMENT_POSITIONS_INVALIDATE = "instalment-positions.invalidate";

  /** Invalidates on GPD the position of a pre-notice's notice that can no longer be paid. */
  public static final String PRE_NOTICE_POSITION_INVALIDATE = "pre-notice-position.invalidate";

  private OutboxTopics() {}
}
