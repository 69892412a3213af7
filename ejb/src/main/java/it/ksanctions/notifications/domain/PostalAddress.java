package it.ksanctions.notifications.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Italian postal address as SEND's {@code physicalAddress} wants it, read from the act's
 * one-line address "Via Garibaldi 7, 04100 Latina (LT)".
 */
public record PostalAddress(String address, String zip, String municipality, String province) {

  private static final Pattern LINE =
      Pattern.compile("^\\s*(.+?),\\s*(\\d{5})\\s+(.+?)\\s*\\(([A-Za-z]{2})\\)\\s*$");

  /**
   * @throws IllegalArgumentException when the line is not "street, CAP municipality (PR)"
   */
  public static PostalAddress parse(String line) {
    Matcher m = LINE.matcher(line == null ? "" : line);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Indirizzo del destinatario non utilizzabile per SEND (serve «via, CAP comune (PR)»): "
              + line);
    }
    return new PostalAddress(m.group(1), m.group(2), m.group(3), m.group(4).toUpperCase());
  }
}
