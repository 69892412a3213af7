package it.ksanctions.notifications.domain;

/**
 * The state of one notification attempt (issue 15 item 2). Constant names are stored: never rename
 * them.
 */
public enum NotificationStatus {
  QUEUED("In coda per l'invio"),
  REQUESTED("Richiesta inviata a SEND, in validazione"),
  ACCEPTED("Accettata da SEND"),
  REFUSED("Rifiutata da SEND"),
  DELIVERING("In consegna"),
  DELIVERED("Consegnata"),
  VIEWED("Vista dal destinatario"),
  EFFECTIVE_DATE("Perfezionata per decorrenza termini"),
  UNREACHABLE("Destinatario irreperibile"),
  CANCELLED("Annullata");

  private final String italianLabel;

  NotificationStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /**
   * The label for an attempt through {@code channel}: a PEC sent by the command itself is accepted
   * and delivered by PEC providers, not by SEND; the other channels use {@link #italianLabel()}.
   */
  public String labelFor(String channel) {
    if ("PEC".equals(channel)) {
      return switch (this) {
        case REQUESTED -> "Inviata via PEC, in attesa della ricevuta di accettazione";
        case ACCEPTED -> "Accettata dal gestore PEC del comando";
        case REFUSED -> "Non accettata dal gestore PEC del comando";
        case DELIVERING -> "In consegna alla casella PEC del destinatario";
        case DELIVERED -> "Consegnata nella casella PEC del destinatario";
        case UNREACHABLE -> "Mancata consegna nella casella PEC del destinatario";
        default -> italianLabel;
      };
    }
    return italianLabel;
  }

  /** SEND's status name (IN_VALIDATION, ACCEPTED, …) as ours, if it is one we track. */
  public static java.util.Optional<NotificationStatus> ofSend(String status) {
    if (status == null) {
      return java.util.Optional.empty();
    }
    return switch (status) {
      case "IN_VALIDATION" -> java.util.Optional.of(REQUESTED);
      case "ACCEPTED" -> java.util.Optional.of(ACCEPTED);
      case "REFUSED" -> java.util.Optional.of(REFUSED);
      case "DELIVERING" -> java.util.Optional.of(DELIVERING);
      case "DELIVERED" -> java.util.Optional.of(DELIVERED);
      case "VIEWED" -> java.util.Optional.of(VIEWED);
      case "EFFECTIVE_DATE" -> java.util.Optional.of(EFFECTIVE_DATE);
      case "UNREACHABLE" -> java.util.Optional.of(UNREACHABLE);
      case "CANCELLED" -> java.util.Optional.of(CANCELLED);
      default -> java.util.Optional.empty();
    };
  }
}
