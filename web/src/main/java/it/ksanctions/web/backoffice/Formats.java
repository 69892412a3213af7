package it.ksanctions.web.backoffice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the back office writes instants: Italian order, Italian time ({@code #{formats...}}). */
@Named
@ApplicationScoped
public class Formats {

  private static final ZoneId ROME = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ROME);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ROME);

  public String dateTime(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant);
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  public String date(java.time.LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }

  /** A local date and time (a violation's), dd/MM/yyyy HH:mm. */
  public String local(java.time.LocalDateTime at) {
    return at == null ? "" : DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at);
  }

  public String dateTimeSeconds(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant);
  }

  /** An amount in euro as Italians write it: 1.234,50. */
  public String amount(java.math.BigDecimal value) {
    return value == null ? "" : euro(value);
  }

  public static String euro(java.math.BigDecimal value) {
    java.text.DecimalFormat format =
        new java.text.DecimalFormat(
            "#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ITALY));
    return format.format(value);
  }

  /**
   * An amount typed by a user ("12,50", "1.234,50", "12.5"), or null when it is not a number. A
   * single dot followed by one or two digits is a decimal point; other dots group thousands.
   */
  public static java.math.BigDecimal parseAmount(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace("€", "").replace(" ", "");
    if (t.contains(",")) {
      t = t.replace(".", "").replace(',', '.');
    } else if (t.indexOf('.') != t.lastIndexOf('.') || t.matches(".*\\.\\d{3}$")) {
      t = t.replace(".", "");
    }
    try {
      return new java.math.BigDecimal(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
