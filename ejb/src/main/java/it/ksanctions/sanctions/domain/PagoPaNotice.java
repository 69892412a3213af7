package it.ksanctions.sanctions.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pagoPA notice (avviso di pagamento) with auxiliary digit 3: the 18-digit notice code {@code 3 +
 * segregation code (2) + IUV base (13) + check digits (2)}, where the check digits are the 16-digit
 * number {@code 3 + segregation code + IUV base} modulo 93; the IUV is the last 17 digits. The QR
 * code printed on the notice carries {@code PAGOPA|002|<notice code>|<creditor tax code>|<amount in
 * cents>}.
 */
public record PagoPaNotice(String noticeCode, String iuv) {

  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
  private static final Pattern NOTICE = Pattern.compile("3\\d{17}");
  private static final Pattern CREDITOR = Pattern.compile("\\d{11}");
  private static final long MAX_BASE = 9_999_999_999_999L;

  public PagoPaNotice {
    Objects.requireNonNull(noticeCode, "noticeCode");
    if (!NOTICE.matcher(noticeCode).matches()) {
      throw new IllegalArgumentException("A notice code with aux digit 3 has 18 digits");
    }
    long body = Long.parseLong(noticeCode.substring(0, 16));
    if (body % 93 != Integer.parseInt(noticeCode.substring(16))) {
      throw new IllegalArgumentException("Wrong check digits in notice code " + noticeCode);
    }
    if (!noticeCode.substring(1).equals(iuv)) {
      throw new IllegalArgumentException("The IUV is the notice code without its aux digit");
    }
  }

  /**
   * The notice of IUV base {@code base} (0 to 10^13 − 1) of a creditor with this segregation code.
   */
  public static PagoPaNotice of(String segregationCode, long base) {
    if (segregationCode == null || !TWO_DIGITS.matcher(segregationCode).matches()) {
      throw new IllegalArgumentException("The segregation code has two digits");
    }
    if (base < 0 || base > MAX_BASE) {
      throw new IllegalArgumentException("The IUV base has at most 13 digits: " + base);
    }
    String body = "3" + segregationCode + String.format("%013d", base);
    String notice = body + String.format("%02d", Long.parseLong(body) % 93);
    return new PagoPaNotice(notice, notice.substring(1));
  }

  /**
   * The payload of the notice's QR code for {@code amountCents} owed to {@code creditorTaxCode}.
   */
  public String qrPayload(String creditorTaxCode, long amountCents) {
    if (creditorTaxCode == null || !CREDITOR.matcher(creditorTaxCode).matches()) {
      throw new IllegalArgumentException("The creditor's tax code has 11 digits");
    }
    if (amountCents <= 0) {
      throw new IllegalArgumentException("A notice is for a positive amount");
    }
    return "PAGOPA|002|" + noticeCode + "|" + creditorTaxCode + "|" + amountCents;
  }

  /** The notice code as printed, in groups of four digits. */
  public String printed() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < noticeCode.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(noticeCode, i, Math.min(i + 4, noticeCode.length()));
    }
    return out.toString();
  }
}
