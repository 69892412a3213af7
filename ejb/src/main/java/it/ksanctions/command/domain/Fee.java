package it.ksanctions.command.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One version of a fee of the command (CMD-2, seed 001 §11.4 "Configurazione delle spese"): a
 * parametric item with code, description, category, the notification channel it applies to (only
 * for notification fees), fixed or variable amount, validity from a day to a day (both included;
 * open-ended when {@code validTo} is null) and the legal or council reference that set it.
 *
 * <p>Fees are kept apart from the sanction: they are never discounted (no 30 % reduction) and are
 * added to every payment window. Amounts are in euro with at most two decimals, from 0.01 to
 * 1,000.00 (a fee above that is almost certainly a typo of a sanction amount).
 */
public record Fee(
    String code,
    String description,
    FeeCategory category,
    NotificationChannel channel,
    FeeAmountKind amountKind,
    BigDecimal amount,
    LocalDate validFrom,
    LocalDate validTo,
    String legalReference) {

  private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{1,19}$");
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000.00");

  /** The fee normalised, or one rule exception naming every wrong field. */
  public Fee validated() {
    List<String> wrong = new ArrayList<>();
    String c = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    if (c == null || !CODE.matcher(c).matches()) {
      wrong.add("codice voce non valido (2-20 caratteri: lettere maiuscole, cifre, _ e -)");
    }
    String d = description == null ? null : description.strip();
    if (d == null || d.length() < 3 || d.length() > 200) {
      wrong.add("descrizione obbligatoria (3-200 caratteri)");
    }
    if (category == null) {
      wrong.add("categoria obbligatoria");
    } else if (category == FeeCategory.NOTIFICATION && channel == null) {
      wrong.add("una spesa di notifica indica il canale (raccomandata, PEC, SEND, estero)");
    } else if (category != FeeCategory.NOTIFICATION && channel != null) {
      wrong.add("il canale si indica solo per le spese di notifica");
    }
    if (amountKind == null) {
      wrong.add("tipo di importo obbligatorio (fisso o variabile)");
    }
    BigDecimal a = amount;
    if (a == null) {
      wrong.add("importo obbligatorio");
    } else if (a.scale() > 2 && a.stripTrailingZeros().scale() > 2) {
      wrong.add("importo con al più due decimali");
    } else if (a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0) {
      wrong.add("importo tra 0,01 e 1.000,00 euro");
    }
    if (validFrom == null) {
      wrong.add("data di inizio validità obbligatoria");
    } else if (validTo != null && validTo.isBefore(validFrom)) {
      wrong.add("la fine della validità precede l'inizio");
    }
    String ref = legalReference == null ? null : legalReference.strip();
    if (ref == null || ref.length() < 5 || ref.length() > 300) {
      wrong.add(
          "riferimento normativo o deliberativo obbligatorio (es. \"Delibera G.C. n. 45 del"
              + " 12/03/2026\")");
    }
    if (!wrong.isEmpty()) {
      throw new CommandRuleException(
          "command.fee.invalid", "Spesa non valida: " + String.join("; ", wrong) + ".");
    }
    return new Fee(
        c, d, category, channel, amountKind, amount.setScale(2), validFrom, validTo, ref);
  }

  /** Whether this version is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
  }

  /** Whether this version's validity overlaps {@code other}'s. */
  public boolean overlaps(Fee other) {
    LocalDate thisEnd = validTo == null ? LocalDate.MAX : validTo;
    LocalDate otherEnd = other.validTo == null ? LocalDate.MAX : other.validTo;
    return !validFrom.isAfter(otherEnd) && !other.validFrom.isAfter(thisEnd);
  }
}
