package it.ksanctions.notifications.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What became of an act sent by registered mail with return receipt (raccomandata A/R), as the
 * operator reads it from the return card or the postal intermediary's report. Constant names are
 * stored: never rename them.
 *
 * <ul>
 *   <li>{@link #DELIVERED}: handed to the recipient or to a person entitled to receive it; the
 *       operator types the delivery date written on the return card, and the notification perfects
 *       that day.
 *   <li>{@link #COMPIUTA_GIACENZA}: the recipient was absent and did not collect the act; the
 *       operator types the perfection day the postal report states — under art. 8 of law 890/1982
 *       the tenth day after the notice of deposit (CAD) was sent, or the day the act was collected
 *       if earlier. The system does not compute it.
 *   <li>{@link #UNREACHABLE}: the recipient could not be found (moved, unknown, address
 *       insufficient); no perfection, the reason is kept and the act stays sent, to be notified
 *       again.
 * </ul>
 */
public enum PostalOutcome {
  DELIVERED("Consegnato", "CONSEGNATO", NotificationStatus.DELIVERED),
  COMPIUTA_GIACENZA("Compiuta giacenza", "COMPIUTA_GIACENZA", NotificationStatus.EFFECTIVE_DATE),
  UNREACHABLE("Destinatario irreperibile", "IRREPERIBILE", NotificationStatus.UNREACHABLE);

  private static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final String italianLabel;
  private final String fileCode;
  private final NotificationStatus status;

  PostalOutcome(String italianLabel, String fileCode, NotificationStatus status) {
    this.italianLabel = italianLabel;
    this.fileCode = fileCode;
    this.status = status;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** The value of the column {@code esito} of an outcome file. */
  public String fileCode() {
    return fileCode;
  }

  /** The notification's status once this outcome is recorded. */
  public NotificationStatus status() {
    return status;
  }

  /** Whether the notification perfects on the outcome's day. */
  public boolean perfects() {
    return this != UNREACHABLE;
  }

  /** The outcome named by an outcome file's {@code esito} (case and blanks ignored), if any. */
  public static Optional<PostalOutcome> ofFileCode(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String code = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    for (PostalOutcome o : values()) {
      if (o.fileCode.equals(code)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The file codes, for messages: "CONSEGNATO, COMPIUTA_GIACENZA, IRREPERIBILE". */
  public static String fileCodes() {
    return String.join(
        ", ", java.util.Arrays.stream(values()).map(PostalOutcome::fileCode).toList());
  }

  /**
   * What the act's timeline says of this outcome on {@code day}: the perfection, or the unreachable
   * recipient with {@code note}.
   */
  public String timelineReason(LocalDate day, String note) {
    String d = ITALIAN.format(day);
    return switch (this) {
      case DELIVERED -> "Notifica perfezionata: cartolina A/R del " + d;
      case COMPIUTA_GIACENZA -> "Notifica perfezionata per compiuta giacenza il " + d;
      case UNREACHABLE ->
          "Raccomandata non consegnata il "
              + d
              + ": destinatario irreperibile"
              + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")");
    };
  }
}
