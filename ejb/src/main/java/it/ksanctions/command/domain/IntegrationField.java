package it.ksanctions.command.domain;

import java.util.List;
import java.util.Objects;

/**
 * One field of an integration's configuration: its stable name (stored, never renamed), the Italian
 * label the page and the register show, its type (which says how it is checked), whether it is a
 * secret (stored encrypted, shown only masked) and whether it is required.
 */
public record IntegrationField(
    String name, String label, Type type, boolean secret, boolean required, List<String> choices) {

  /** How a value is checked. */
  public enum Type {
    TEXT(200),
    HOST(253),
    URL(500),
    PORT(5),
    CHOICE(20),
    EMAIL(254),
    IBAN(40),
    TAX_CODE(11),
    TWO_DIGITS(2),
    /**
     * pagoPA's "dati specifici di riscossione": 9/ and a code of the services' taxonomy, then /.
     */
    TAXONOMY(12),
    /** A key or token typed on one line. */
    KEY(1_000),
    /** A PEM private key (several lines). */
    PEM(10_000),
    /** An X.509 certificate in PEM (several lines). */
    CERTIFICATE(20_000);

    private final int maxLength;

    Type(int maxLength) {
      this.maxLength = maxLength;
    }

    public int maxLength() {
      return maxLength;
    }
  }

  public IntegrationField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    choices = choices == null ? List.of() : List.copyOf(choices);
  }

  static IntegrationField plain(String name, String label, Type type, boolean required) {
    return new IntegrationField(name, label, type, false, required, List.of());
  }

  static IntegrationField choice(String name, String label, List<String> choices) {
    return new IntegrationField(name, label, Type.CHOICE, false, true, choices);
  }

  static IntegrationField secret(String name, String label, Type type, boolean required) {
    return new IntegrationField(name, label, type, true, required, List.of());
  }

  /** Whether the view shows a multi-line input. */
  public boolean multiline() {
    return type == Type.PEM || type == Type.CERTIFICATE;
  }

  /** Whether the mask may end with the secret's last characters (never for a PEM block). */
  public boolean maskShowsTail() {
    return type != Type.PEM;
  }
}
