package it.ksanctions.notifications.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The manifest of a print-and-mail batch: one line per act with what the postal intermediary needs
 * to print, envelope and track it, and the SHA-256 of the act's PDF in the ZIP.
 */
public final class PostalManifest {

  /** The manifest's file name inside the batch ZIP. */
  public static final String FILE_NAME = "manifest.csv";

  /** The manifest's header, in order. */
  public static final List<String> HEADERS =
      List.of(
          "numero_verbale",
          "destinatario",
          "codice_fiscale",
          "indirizzo",
          "cap",
          "comune",
          "provincia",
          "canale",
          "spese_notifica",
          "file_pdf",
          "sha256");

  private PostalManifest() {}

  /**
   * The name of an act's PDF in the ZIP: its number with anything but letters, digits, - and _ as
   * -.
   */
  public static String pdfName(String actNumber) {
    return actNumber.replaceAll("[^A-Za-z0-9_-]+", "-") + ".pdf";
  }

  /**
   * A line of the manifest. An address that is not "street, CAP municipality (PR)" (abroad) goes
   * whole in {@code indirizzo}, with postcode, municipality and province left empty.
   */
  public static String[] line(
      String actNumber,
      String recipient,
      String taxCode,
      String addressLine,
      String channel,
      BigDecimal fee,
      String pdfName,
      String sha256) {
    Optional<PostalAddress> address = italian(addressLine);
    return new String[] {
      actNumber,
      text(recipient),
      text(taxCode),
      address.map(PostalAddress::address).orElse(text(addressLine)),
      address.map(PostalAddress::zip).orElse(""),
      address.map(PostalAddress::municipality).orElse(""),
      address.map(PostalAddress::province).orElse(""),
      channel,
      fee == null
          ? ""
          : fee.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ','),
      pdfName,
      sha256
    };
  }

  private static Optional<PostalAddress> italian(String line) {
    try {
      return Optional.of(PostalAddress.parse(line));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
