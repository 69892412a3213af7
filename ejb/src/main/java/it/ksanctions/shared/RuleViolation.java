package it.ksanctions.shared;

/**
 * A business rule refused an operation: nothing changed. Every context's rule exception implements
 * this one contract, so the back office (a faces message) and the REST API (a problem document)
 * translate any refusal in one place, whatever context it comes from.
 */
public interface RuleViolation {

  /**
   * The stable code of the broken rule (e.g. {@code devices.place-linked}): for clients, message
   * bundles and the security log; never changes once published.
   */
  String code();

  /** What an officer or a citizen reads: the rule and how to put things right, in Italian. */
  String italianMessage();

  /** How the refusal reads to an API client; most rules refuse a change in the current state. */
  default Kind kind() {
    return Kind.CONFLICT;
  }

  /** The kinds of refusal an API distinguishes. */
  enum Kind {
    /** The request itself is wrong (a malformed value): correct it and send it again. */
    INVALID_INPUT,
    /** The request is well formed but the current state forbids it. */
    CONFLICT,
    /** The request names something this tenant does not have. */
    NOT_FOUND
  }
}
