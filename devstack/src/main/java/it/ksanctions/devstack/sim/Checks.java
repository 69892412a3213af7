package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Shape checks of a JSON body against a contract; collects one error per wrong field. */
final class Checks {

  static final String REQUIRED = "PN_GENERIC_INVALIDPARAMETER_REQUIRED";
  static final String TYPE = "PN_GENERIC_INVALIDPARAMETER_TYPE";
  static final String SIZE = "PN_GENERIC_INVALIDPARAMETER_SIZE";
  static final String PATTERN = "PN_GENERIC_INVALIDPARAMETER_PATTERN";
  static final String ENUM = "PN_GENERIC_INVALIDPARAMETER_ENUM";
  static final String RANGE = "PN_GENERIC_INVALIDPARAMETER_RANGE";

  final List<SimHttp.ProblemError> errors = new ArrayList<>();

  void error(String code, String element, String detail) {
    errors.add(new SimHttp.ProblemError(code, element, detail));
  }

  boolean ok() {
    return errors.isEmpty();
  }

  private static String at(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  /** A string field; null when absent or wrong (the error is recorded). */
  String string(
      JsonNode parent, String prefix, String field, boolean required, int min, int max, String re) {
    JsonNode value = parent == null ? null : parent.get(field);
    String element = at(prefix, field);
    if (absent(value)) {
      if (required) {
        error(REQUIRED, element, element + " is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      error(TYPE, element, element + " must be a string");
      return null;
    }
    String s = value.asText();
    if (s.length() < min || s.length() > max) {
      error(
          SIZE,
          element,
          element + " length must be between " + min + " and " + max + " characters");
      return null;
    }
    if (re != null && !Pattern.compile(re).matcher(s).matches()) {
      error(PATTERN, element, element + " must match " + re);
      return null;
    }
    return s;
  }

  String oneOf(JsonNode parent, String prefix, String field, boolean required, Set<String> values) {
    String s = string(parent, prefix, field, required, 0, Integer.MAX_VALUE, null);
    if (s != null && !values.contains(s)) {
      String element = at(prefix, field);
      error(ENUM, element, element + " must be one of " + values);
      return null;
    }
    return s;
  }

  Long integer(JsonNode parent, String prefix, String field, boolean required, long min, long max) {
    JsonNode value = parent == null ? null : parent.get(field);
    String element = at(prefix, field);
    if (absent(value)) {
      if (required) {
        error(REQUIRED, element, element + " is required");
      }
      return null;
    }
    if (!value.isIntegralNumber()) {
      error(TYPE, element, element + " must be an integer");
      return null;
    }
    long v = value.asLong();
    if (v < min || v > max) {
      error(RANGE, element, element + " must be between " + min + " and " + max);
      return null;
    }
    return v;
  }

  Boolean bool(JsonNode parent, String prefix, String field, boolean required) {
    JsonNode value = parent == null ? null : parent.get(field);
    String element = at(prefix, field);
    if (absent(value)) {
      if (required) {
        error(REQUIRED, element, element + " is required");
      }
      return null;
    }
    if (!value.isBoolean()) {
      error(TYPE, element, element + " must be a boolean");
      return null;
    }
    return value.asBoolean();
  }

  JsonNode object(JsonNode parent, String prefix, String field, boolean required) {
    JsonNode value = parent == null ? null : parent.get(field);
    String element = at(prefix, field);
    if (absent(value)) {
      if (required) {
        error(REQUIRED, element, element + " is required");
      }
      return null;
    }
    if (!value.isObject()) {
      error(TYPE, element, element + " must be an object");
      return null;
    }
    return value;
  }

  JsonNode array(JsonNode parent, String prefix, String field, boolean required, int min, int max) {
    JsonNode value = parent == null ? null : parent.get(field);
    String element = at(prefix, field);
    if (absent(value)) {
      if (required) {
        error(REQUIRED, element, element + " is required");
      }
      return null;
    }
    if (!value.isArray()) {
      error(TYPE, element, element + " must be an array");
      return null;
    }
    if (value.size() < min || value.size() > max) {
      error(SIZE, element, element + " must have between " + min + " and " + max + " items");
      return null;
    }
    return value;
  }

  /** Fields not in {@code allowed} ({@code additionalProperties: false}). */
  void onlyFields(JsonNode node, String prefix, Set<String> allowed) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                String element = at(prefix, name);
                error(TYPE, element, element + " is not an allowed property");
              }
            });
  }

  SimHttp.SimException failure() {
    return new SimHttp.SimException(
        SimHttp.problem(400, "Bad Request", "See the list errors for reason and element", errors));
  }
}
