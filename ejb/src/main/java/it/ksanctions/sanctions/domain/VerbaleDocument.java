package it.ksanctions.sanctions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on the document of a verbale (the act that assesses a violation of the Codice
 * della Strada), already decided and worded: the renderer only lays it out. Plain values, no
 * persistence and no PDF types, so that the document can be built and checked without a container.
 *
 * <p>Texts are in Italian, as printed. Nullable components are said so; the others are required.
 *
 * @param command the police command that issues the verbale (header, signatures, where to appeal)
 * @param number the verbale's number, e.g. {@code VL/2026/000123}
 * @param issuedOn the date the verbale was drawn up
 * @param issuedBy who drew it up (the assessing officer, as printed)
 * @param owner the offender or the party jointly liable, to whom the verbale is addressed
 * @param vehicle the vehicle involved
 * @param violation the violation: when, where, which article
 * @param speed the speed measurement, nullable (only speed violations)
 * @param windows the ways to pay (reduced, ordinary, ...), in the order printed
 * @param fees the fees included in the totals (notification, procedure, ...)
 * @param notificationDeadline the last day to notify the verbale (art. 201 CdS), nullable
 * @param driverIdentificationForm whether to add the form to communicate the driver's data (art.
 *     126-bis CdS): points are deducted and the driver is not known
 * @param portal the citizen's portal and the access PIN, nullable
 */
public record VerbaleDocument(
    Command command,
    String number,
    LocalDate issuedOn,
    String issuedBy,
    Party owner,
    Vehicle vehicle,
    Violation violation,
    Speed speed,
    List<Window> windows,
    List<FeeLine> fees,
    LocalDate notificationDeadline,
    boolean driverIdentificationForm,
    Portal portal) {

  public VerbaleDocument {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(vehicle, "vehicle");
    Objects.requireNonNull(violation, "violation");
    windows = windows == null ? List.of() : List.copyOf(windows);
    fees = fees == null ? List.of() : List.copyOf(fees);
  }

  /**
   * The issuing command.
   *
   * @param officialName e.g. "Polizia Locale di Latina"
   * @param parentBodyName e.g. "Comune di Latina", nullable
   * @param addressLine e.g. "Piazza del Popolo 1, 04100 Latina (LT)"
   * @param phone nullable
   * @param email nullable
   * @param pec nullable
   * @param website nullable
   * @param taxCode the body's tax code (11 digits)
   * @param commandManager the commander, as printed
   * @param procedureManager the person responsible for the procedure, nullable
   * @param logo a PNG or JPEG logo, nullable
   * @param letterhead a PNG or JPEG banner printed at the top of the first page instead of the text
   *     header, nullable
   */
  public record Command(
      String officialName,
      String parentBodyName,
      String addressLine,
      String phone,
      String email,
      String pec,
      String website,
      String taxCode,
      String commandManager,
      String procedureManager,
      byte[] logo,
      byte[] letterhead) {

    public Command {
      Objects.requireNonNull(officialName, "officialName");
    }
  }

  /**
   * The party the verbale is addressed to.
   *
   * @param name full name or company name
   * @param taxCode codice fiscale or partita IVA
   * @param addressLines the postal address, one line each
   * @param pec nullable
   * @param role in which capacity, e.g. "Proprietario del veicolo (obbligato in solido, art. 196
   *     CdS)"
   */
  public record Party(
      String name, String taxCode, List<String> addressLines, String pec, String role) {

    public Party {
      Objects.requireNonNull(name, "name");
      addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }
  }

  /**
   * @param plate the plate as printed
   * @param country ISO 3166-1 alpha-2 code of the registration country
   * @param vehicleType Italian label, e.g. "Autovettura"
   */
  public record Vehicle(String plate, String country, String vehicleType) {

    public Vehicle {
      Objects.requireNonNull(plate, "plate");
    }
  }

  /**
   * @param at when the violation happened
   * @param placeDescription where
   * @param articleCode e.g. "142 c. 8"
   * @param articleTitle e.g. "Limiti di velocità"
   * @param articleText the full description of the conduct
   * @param legalSource e.g. "D.Lgs. 30 aprile 1992, n. 285 (Codice della Strada)"
   * @param points the points deducted from the licence (0 when none)
   * @param accessorySanctions accessory sanctions, nullable
   * @param assessment how the violation was assessed
   */
  public record Violation(
      LocalDateTime at,
      String placeDescription,
      String articleCode,
      String articleTitle,
      String articleText,
      String legalSource,
      int points,
      String accessorySanctions,
      String assessment) {

    public Violation {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(articleCode, "articleCode");
    }
  }

  /**
   * A speed measurement (km/h).
   *
   * @param measured the speed recorded by the device
   * @param tolerance the tolerance subtracted
   * @param considered the speed held against the driver (measured minus tolerance)
   * @param limit the limit in force
   * @param deviceCode the device's serial or code
   * @param deviceModel the device's make and model
   * @param approval the approval decree, as printed
   * @param calibrationCertificate the calibration certificate's number
   * @param calibratedOn the date of the last calibration
   */
  public record Speed(
      BigDecimal measured,
      BigDecimal tolerance,
      BigDecimal considered,
      int limit,
      String deviceCode,
      String deviceModel,
      String approval,
      String calibrationCertificate,
      LocalDate calibratedOn) {}

  /**
   * A way to pay, with its deadline.
   *
   * @param label e.g. "Pagamento ridotto del 30% entro 5 giorni dalla notifica"
   * @param sanction the sanction's amount
   * @param fees the fees added
   * @param total sanction plus fees
   * @param lastDay the last day to pay, nullable when it depends on the notification
   * @param deadlineText the deadline in words, printed when {@code lastDay} is unknown, e.g. "entro
   *     5 giorni dalla notifica"
   * @param payment the pagoPA notice to pay this amount, nullable
   */
  public record Window(
      String label,
      BigDecimal sanction,
      BigDecimal fees,
      BigDecimal total,
      LocalDate lastDay,
      String deadlineText,
      Payment payment) {}

  /**
   * A pagoPA payment notice.
   *
   * @param noticeCode the notice code (18 digits)
   * @param iuv the IUV (17 digits)
   * @param creditorTaxCode the creditor body's tax code
   * @param creditorName the creditor body's name
   * @param amountCents the amount in euro cents
   * @param qrPayload the QR code's content: {@code PAGOPA|002|<notice>|<cf>|<cents>}
   */
  public record Payment(
      String noticeCode,
      String iuv,
      String creditorTaxCode,
      String creditorName,
      long amountCents,
      String qrPayload) {

    public Payment {
      Objects.requireNonNull(noticeCode, "noticeCode");
      Objects.requireNonNull(qrPayload, "qrPayload");
    }
  }

  /**
   * A fee included in the totals.
   *
   * @param description e.g. "Spese di notifica"
   * @param amount in euro
   */
  public record FeeLine(String description, BigDecimal amount) {}

  /**
   * The citizen's portal.
   *
   * @param url where the portal is
   * @param pin the plain access PIN, printed once; nullable, and then the access box is left out
   */
  public record Portal(String url, String pin) {}
}
