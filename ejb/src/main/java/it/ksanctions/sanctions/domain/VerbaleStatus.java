package it.ksanctions.sanctions.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a verbale (issue 14 item 5): issued → sent for notification → notified (perfection
 * date) → paid / partially paid / unpaid after 60 days; appealed; annulled in self-protection
 * (autotutela) with a reason, its number staying used; archived. Every other move is refused with
 * the Italian message of {@link #refusal}. Constant names are stored: never rename them.
 */
public enum VerbaleStatus {
  ISSUED("Emesso"),
  SENT("Inviato per la notifica"),
  NOTIFIED("Notificato"),
  PAID("Pagato"),
  PARTIALLY_PAID("Pagato in parte"),
  UNPAID("Non pagato"),
  APPEALED("Ricorso in corso"),
  ANNULLED("Annullato in autotutela"),
  ARCHIVED("Archiviato");

  private final String italianLabel;

  VerbaleStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** The states this one may move to. */
  public Set<VerbaleStatus> next() {
    return switch (this) {
      case ISSUED -> EnumSet.of(SENT, NOTIFIED, PAID, PARTIALLY_PAID, APPEALED, ANNULLED);
      case SENT -> EnumSet.of(NOTIFIED, PAID, PARTIALLY_PAID, ANNULLED);
      case NOTIFIED -> EnumSet.of(PAID, PARTIALLY_PAID, UNPAID, APPEALED, ANNULLED);
      case PARTIALLY_PAID -> EnumSet.of(PAID, UNPAID, APPEALED, ANNULLED);
      case UNPAID -> EnumSet.of(PAID, PARTIALLY_PAID, ANNULLED, ARCHIVED);
      case APPEALED -> EnumSet.of(NOTIFIED, PAID, UNPAID, ANNULLED);
      case PAID, ANNULLED -> EnumSet.of(ARCHIVED);
      case ARCHIVED -> EnumSet.noneOf(VerbaleStatus.class);
    };
  }

  public boolean canMoveTo(VerbaleStatus target) {
    return next().contains(target);
  }

  /** Whether payments may still be received (not annulled, not archived). */
  public boolean payable() {
    return this != ANNULLED && this != ARCHIVED && this != PAID;
  }

  /**
   * The refusal of a move from this state to {@code target}, as the officer reads it.
   *
   * @throws IllegalArgumentException when the move is allowed
   */
  public SanctionsRuleException refusal(String number, VerbaleStatus target) {
    if (canMoveTo(target)) {
      throw new IllegalArgumentException(this + " → " + target + " is allowed");
    }
    String message;
    if (this == target) {
      message =
          "Il verbale n. "
              + number
              + " è già nello stato «"
              + italianLabel
              + "»: l'operazione non è stata ripetuta.";
    } else if (this == ANNULLED) {
      message =
          "Il verbale n. "
              + number
              + " è annullato in autotutela: non può diventare «"
              + target.italianLabel
              + "». Il suo numero resta usato.";
    } else if (this == ARCHIVED) {
      message = "Il verbale n. " + number + " è archiviato: non si può più modificare.";
    } else {
      message =
          "Il verbale n. "
              + number
              + " è nello stato «"
              + italianLabel
              + "» e non può passare a «"
              + target.italianLabel
              + "».";
    }
    return new SanctionsRuleException(
        "sanctions.verbale.transition." + name().toLowerCase() + "-" + target.name().toLowerCase(),
        message);
  }
}
