package it.ksanctions.admin;

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

  public String dateTimeSeconds(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant);
  }
}
