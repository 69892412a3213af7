package it.ksanctions.shared;

import java.util.List;

/** A request with invalid fields; nothing was changed. */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super("Invalid request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
