package it.ksanctions.permissions.domain;

import it.ksanctions.shared.CodiceFiscale;
import it.ksanctions.shared.InvalidTaxCodeException;

/**
 * A staff user's codice fiscale that is malformed or whose check character does not match (PRM-1):
 * the shared kernel's refusal, told as the Permissions rule it breaks.
 */
public class InvalidCodiceFiscaleException extends PermissionRuleException {

  private static final long serialVersionUID = 1L;

  public InvalidCodiceFiscaleException(PermissionRule rule, String message) {
    super(rule, message);
  }

  /** Reads a staff user's codice fiscale, refusing a wrong one as a Permissions rule. */
  public static CodiceFiscale parse(String code) {
    try {
      return CodiceFiscale.parse(code);
    } catch (InvalidTaxCodeException e) {
      throw new InvalidCodiceFiscaleException(
          e.reason() == InvalidTaxCodeException.Reason.CHECK_CHARACTER
              ? PermissionRule.CODICE_FISCALE_CHECK_CHARACTER
              : PermissionRule.CODICE_FISCALE_FORMAT,
          e.getMessage());
    }
  }
}
