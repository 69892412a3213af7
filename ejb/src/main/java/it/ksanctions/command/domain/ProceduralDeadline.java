package it.ksanctions.command.domain;

/**
 * The procedural deadlines a command keeps among its general parameters (SPEC CMD-4 "scadenze
 * procedurali"), with the legal term and the values a command may choose.
 *
 * <p>Two kinds of bound. A term the law gives the citizen (payment in reduced measure, payment,
 * appeals) cannot be shortened by a command: the legal term is the minimum, and the maximum leaves
 * room for a temporary extension by law (DL 18/2020 art. 108 raised the 5 days to 30). A term the
 * law sets on the command itself (notification, prescription) cannot be extended: the legal term is
 * the maximum, and a command may only keep a shorter internal target.
 */
public enum ProceduralDeadline {
  REDUCED_PAYMENT(
      "deadline.reduced-payment-days",
      "Pagamento in misura ridotta (sconto del 30%)",
      "art. 202 c. 1 CdS",
      Unit.DAYS,
      5,
      5,
      30,
      true),
  PAYMENT("deadline.payment-days", "Pagamento", "art. 202 c. 1 CdS", Unit.DAYS, 60, 60, 120, true),
  NOTIFICATION_ITALY(
      "deadline.notification-italy-days",
      "Notifica in Italia",
      "art. 201 c. 1 CdS",
      Unit.DAYS,
      90,
      1,
      90,
      false),
  NOTIFICATION_ABROAD(
      "deadline.notification-abroad-days",
      "Notifica all'estero",
      "art. 201 c. 1 CdS",
      Unit.DAYS,
      360,
      1,
      360,
      false),
  APPEAL_PREFETTO(
      "deadline.appeal-prefetto-days",
      "Ricorso al Prefetto",
      "art. 203 CdS",
      Unit.DAYS,
      60,
      60,
      120,
      true),
  APPEAL_GIUDICE_DI_PACE(
      "deadline.appeal-giudice-pace-days",
      "Ricorso al Giudice di pace",
      "art. 204-bis CdS",
      Unit.DAYS,
      30,
      30,
      60,
      true),
  PRESCRIPTION(
      "deadline.prescription-years",
      "Prescrizione",
      "art. 28 L. 689/1981",
      Unit.YEARS,
      5,
      1,
      5,
      false);

  /** The unit of a deadline, with its Italian singular and plural. */
  public enum Unit {
    DAYS("giorno", "giorni"),
    YEARS("anno", "anni");

    private final String one;
    private final String many;

    Unit(String one, String many) {
      this.one = one;
      this.many = many;
    }

    public String italian(int n) {
      return n + " " + (n == 1 ? one : many);
    }

    public String italianPlural() {
      return many;
    }
  }

  private final String key;
  private final String italianLabel;
  private final String legalReference;
  private final Unit unit;
  private final int legalValue;
  private final int min;
  private final int max;
  private final boolean citizensTerm;

  ProceduralDeadline(
      String key,
      String italianLabel,
      String legalReference,
      Unit unit,
      int legalValue,
      int min,
      int max,
      boolean citizensTerm) {
    this.key = key;
    this.italianLabel = italianLabel;
    this.legalReference = legalReference;
    this.unit = unit;
    this.legalValue = legalValue;
    this.min = min;
    this.max = max;
    this.citizensTerm = citizensTerm;
  }

  /** The stored name of the parameter (never renamed). */
  public String key() {
    return key;
  }

  public String italianLabel() {
    return italianLabel;
  }

  public String legalReference() {
    return legalReference;
  }

  public Unit unit() {
    return unit;
  }

  public int legalValue() {
    return legalValue;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Whether the law grants this term to the citizen (so it may not be shortened). */
  public boolean citizensTerm() {
    return citizensTerm;
  }

  /**
   * {@code value} if the command may choose it.
   *
   * @throws CommandRuleException {@code command.parameters.deadline-out-of-range} explaining the
   *     legal bound
   */
  public int check(int value) {
    if (value >= min && value <= max) {
      return value;
    }
    String why =
        citizensTerm
            ? "la legge ("
                + legalReference
                + ") concede al trasgressore "
                + unit.italian(legalValue)
                + " e il comando non può ridurli; un termine più lungo è ammesso fino a "
                + unit.italian(max)
                + " solo se una norma lo proroga"
            : "il limite di legge è di "
                + unit.italian(legalValue)
                + " ("
                + legalReference
                + ") e il comando non può estenderlo; può solo fissare un termine interno più"
                + " breve";
    throw new CommandRuleException(
        "command.parameters.deadline-out-of-range",
        "Termine «"
            + italianLabel
            + "»: il valore "
            + unit.italian(value)
            + " non è ammesso. Valori consentiti da "
            + min
            + " a "
            + unit.italian(max)
            + ": "
            + why
            + ".");
  }
}
