package it.ksanctions.identity.domain;

import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.tenancy.context.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The first System administrator of a command, created at onboarding: username (by default {@code
 * admin.<slug>}), a person's name and surname, and an e-mail address (optional for the API, which
 * predates it; the console's wizard asks for it).
 */
public record FirstAdministrator(String username, String firstName, String lastName, String email) {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9._%+-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9-]+)+$");

  /** A person's name: letters (accented too), spaces, apostrophes, dots and hyphens. */
  private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L} '.-]{0,99}$");

  /** What the API has always created: {@code admin.<slug>}, "Amministratore di sistema". */
  public static FirstAdministrator defaultFor(TenantId tenant) {
    return new FirstAdministrator(defaultUsername(tenant), "Amministratore", "di sistema", null);
  }

  public static String defaultUsername(TenantId tenant) {
    return "admin." + tenant.slug();
  }

  /**
   * Validates raw input; the e-mail is required when {@code emailRequired}.
   *
   * @throws InvalidRequestException listing every offending field
   */
  public static FirstAdministrator validated(
      String username, String firstName, String lastName, String email, boolean emailRequired) {
    List<FieldError> errors = new ArrayList<>();
    String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(user).matches()) {
      errors.add(
          new FieldError(
              "adminUsername",
              "must be 3-64 characters: lower-case letters, digits, '.', '_', '@' or '-'"));
    }
    String first = firstName == null ? "" : firstName.strip();
    if (!NAME.matcher(first).matches()) {
      errors.add(new FieldError("adminFirstName", "must be a person's first name"));
    }
    String last = lastName == null ? "" : lastName.strip();
    if (!NAME.matcher(last).matches()) {
      errors.add(new FieldError("adminLastName", "must be a person's surname"));
    }
    String mail = email == null || email.isBlank() ? null : email.strip();
    if (mail == null ? emailRequired : !EMAIL.matcher(mail).matches() || mail.length() > 254) {
      errors.add(new FieldError("adminEmail", "must be a valid e-mail address"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new FirstAdministrator(user, first, last, mail);
  }
}
