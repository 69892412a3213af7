package it.ksanctions.command.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Italian users read them (dd/MM/yyyy) in the module's messages. */
public final class Dates {

  private static final DateTimeFormatter ITALIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Dates() {}

  public static String italian(LocalDate day) {
    return day == null ? "—" : ITALIAN.format(day);
  }
}
