package it.ksanctions.command.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a verbale's number is printed (SPEC CMD-4 "numerazione verbali: prefisso, anno, progressivo,
 * azzeramento annuale"), e.g. {@code {PREFISSO}/{ANNO}/{N:6}} → {@code PL/2026/000001}.
 *
 * <p>Tokens: {@code {PREFISSO}} the prefix, {@code {ANNO}} the year in 4 digits, {@code {AA}} in 2
 * digits, {@code {N}} the progressive as it is or {@code {N:w}} zero-padded to at least {@code w}
 * digits (1-10). Exactly one progressive token, because the progressive is what makes a number
 * unique; with the annual reset on the year must be printed too, or the first verbale of 2027 would
 * carry the same number as the first of 2026. Other characters are limited to letters, digits,
 * spaces and {@code / - _ .}, which every protocol system, file name and printer accepts.
 */
public final class VerbaleNumberPattern {

  public static final int MAX_LENGTH = 60;
  public static final String DEFAULT = "{PREFISSO}/{ANNO}/{N:6}";

  private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,10}");
  private static final String TOKENS = "{PREFISSO}, {ANNO}, {AA}, {N} o {N:6}";

  private sealed interface Part permits Literal, Prefix, Year4, Year2, Progressive {}

  private record Literal(String text) implements Part {}

  private record Prefix() implements Part {}

  private record Year4() implements Part {}

  private record Year2() implements Part {}

  private record Progressive(int width) implements Part {}

  private final String text;
  private final List<Part> parts;

  private VerbaleNumberPattern(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * The pattern {@code text}, checked against every rule.
   *
   * @param annualReset whether the progressive starts again at 1 each year
   * @throws CommandRuleException naming the first broken rule
   */
  public static VerbaleNumberPattern of(String text, boolean annualReset) {
    if (text == null || text.isBlank()) {
      throw new CommandRuleException(
          "command.numbering.pattern-missing",
          "Indicare lo schema del numero di verbale, ad esempio " + DEFAULT + ".");
    }
    String pattern = text.strip();
    if (pattern.length() > MAX_LENGTH) {
      throw new CommandRuleException(
          "command.numbering.pattern-too-long",
          "Lo schema del numero di verbale è lungo "
              + pattern.length()
              + " caratteri: al massimo "
              + MAX_LENGTH
              + ".");
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
          throw new CommandRuleException(
              "command.numbering.brace-unclosed",
              "Nello schema manca la parentesi graffa di chiusura dopo «"
                  + pattern.substring(i)
                  + "»: i segnaposto sono "
                  + TOKENS
                  + ".");
        }
        if (!literal.isEmpty()) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(token(pattern.substring(i + 1, close)));
        i = close + 1;
      } else {
        if (!allowedLiteral(c)) {
          throw new CommandRuleException(
              "command.numbering.character-invalid",
              "Il carattere «"
                  + c
                  + "» non è ammesso nello schema: usare lettere, cifre, spazi e i separatori"
                  + " / - _ . oltre ai segnaposto "
                  + TOKENS
                  + ".");
        }
        literal.append(c);
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Literal(literal.toString()));
    }
    long progressives = parts.stream().filter(Progressive.class::isInstance).count();
    if (progressives == 0) {
      throw new CommandRuleException(
          "command.numbering.progressive-missing",
          "Lo schema deve contenere il numero progressivo {N} (oppure {N:6} per averlo su 6 cifre"
              + " con zeri iniziali): senza progressivo tutti i verbali avrebbero lo stesso"
              + " numero.");
    }
    if (progressives > 1) {
      throw new CommandRuleException(
          "command.numbering.progressive-repeated",
          "Lo schema contiene il progressivo "
              + progressives
              + " volte: deve comparire una sola volta ({N} oppure {N:6}).");
    }
    boolean year = parts.stream().anyMatch(p -> p instanceof Year4 || p instanceof Year2);
    if (annualReset && !year) {
      throw new CommandRuleException(
          "command.numbering.year-missing",
          "Con l'azzeramento annuale lo schema deve contenere l'anno ({ANNO} o {AA}): altrimenti"
              + " il primo verbale del nuovo anno avrebbe lo stesso numero del primo verbale"
              + " dell'anno precedente. Aggiungere l'anno oppure disattivare l'azzeramento.");
    }
    return new VerbaleNumberPattern(pattern, parts);
  }

  /**
   * The prefix {@code text} in its canonical form (trimmed, upper case).
   *
   * @throws CommandRuleException when it is not 1 to 10 letters or digits
   */
  public static String requireValidPrefix(String text) {
    String prefix = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (!PREFIX.matcher(prefix).matches()) {
      throw new CommandRuleException(
          "command.numbering.prefix-invalid",
          "Il prefisso della numerazione ("
              + (prefix.isEmpty() ? "vuoto" : "«" + prefix + "»")
              + ") deve avere da 1 a 10 caratteri, solo lettere maiuscole senza accenti e cifre"
              + " (es. PL, VL, ZTL2026).");
    }
    return prefix;
  }

  /** The pattern as written (trimmed). */
  public String text() {
    return text;
  }

  /** Whether the prefix is printed: without it, different prefixes could print the same number. */
  public boolean printsPrefix() {
    return parts.stream().anyMatch(Prefix.class::isInstance);
  }

  /** Whether the year is printed ({@code {ANNO}} or {@code {AA}}). */
  public boolean printsYear() {
    return parts.stream().anyMatch(p -> p instanceof Year4 || p instanceof Year2);
  }

  /**
   * The number of the {@code progressive}-th verbale of {@code year} with {@code prefix}. The
   * progressive is zero-padded to the token's width and never cut: beyond it the number simply
   * grows longer, so two progressives never print alike.
   */
  public String format(String prefix, int year, long progressive) {
    Objects.requireNonNull(prefix, "prefix");
    if (progressive < 1) {
      throw new IllegalArgumentException("A progressive starts at 1: " + progressive);
    }
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("Year out of range: " + year);
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof Prefix) {
        out.append(prefix);
      } else if (part instanceof Year4) {
        out.append(String.format(Locale.ROOT, "%04d", year));
      } else if (part instanceof Year2) {
        out.append(String.format(Locale.ROOT, "%02d", year % 100));
      } else if (part instanceof Progressive n) {
        out.append(String.format(Locale.ROOT, "%0" + n.width() + "d", progressive));
      }
    }
    return out.toString();
  }

  /** What the page shows: the number for a valid prefix, else the prefix rule's refusal. */
  public String preview(String prefix, int year, long progressive) {
    return format(requireValidPrefix(prefix), year, progressive);
  }

  /** Patterns are equal when written alike (the parts follow from the text). */
  @Override
  public boolean equals(Object other) {
    return other instanceof VerbaleNumberPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static Part token(String name) {
    switch (name) {
      case "PREFISSO":
        return new Prefix();
      case "ANNO":
        return new Year4();
      case "AA":
        return new Year2();
      case "N":
        return new Progressive(1);
      default:
        break;
    }
    if (name.startsWith("N:")) {
      String width = name.substring(2);
      if (width.matches("\\d{1,2}")) {
        int w = Integer.parseInt(width);
        if (w >= 1 && w <= 10) {
          return new Progressive(w);
        }
      }
      throw new CommandRuleException(
          "command.numbering.width-invalid",
          "Nel segnaposto {"
              + name
              + "} la larghezza del progressivo deve essere un numero da 1 a 10 (es. {N:6}"
              + " stampa 000001).");
    }
    throw new CommandRuleException(
        "command.numbering.token-unknown",
        "Segnaposto {"
            + name
            + "} sconosciuto: quelli ammessi sono "
            + TOKENS
            + " (in maiuscolo).");
  }

  private static boolean allowedLiteral(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '/'
        || c == '-'
        || c == '_'
        || c == '.'
        || c == ' ';
  }
}
