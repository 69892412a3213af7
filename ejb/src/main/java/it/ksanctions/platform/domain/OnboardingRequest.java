package it.ksanctions.platform.domain;

import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.shared.NumericTaxCode;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.Tenant;
import it.ksanctions.tenancy.registry.TenantKind;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What vendor support staff send to onboard a command (SPEC PLT-3), validated as a whole: {@link
 * #validated} reports every wrong field at once and returns the normalised request (trimmed names,
 * lower-case sorted host names), which is also what idempotency compares.
 */
public record OnboardingRequest(
    String slug,
    String displayName,
    TenantKind kind,
    String taxCode,
    String patronSaintDay,
    List<String> hostnames) {

  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
  private static final Pattern MONTH_DAY = Pattern.compile("^\\d{2}-\\d{2}$");

  /**
   * Validates raw input.
   *
   * @throws InvalidRequestException listing every offending field
   */
  public static OnboardingRequest validated(
      String slug,
      String displayName,
      String kind,
      String taxCode,
      String patronSaintDay,
      List<String> hostnames) {
    List<FieldError> errors = new ArrayList<>();
    if (!TenantId.isValidSlug(slug)) {
      errors.add(
          new FieldError(
              "slug",
              "must be 2-31 characters: a lower-case letter, then lower-case letters, digits or '-'"));
    }
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(new FieldError("displayName", "is required, at most 200 characters"));
    }
    TenantKind parsedKind = null;
    try {
      parsedKind = kind == null ? null : TenantKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      parsedKind = null;
    }
    if (parsedKind == null) {
      errors.add(new FieldError("kind", "must be one of COMUNE, UNIONE, PROVINCIA"));
    }
    if (!NumericTaxCode.isValid(taxCode)) {
      errors.add(
          new FieldError(
              "taxCode", "must be the body's 11-digit tax code with a valid check digit"));
    }
    String saintDay =
        patronSaintDay == null || patronSaintDay.isBlank() ? null : patronSaintDay.strip();
    if (saintDay != null && !isMonthDay(saintDay)) {
      errors.add(
          new FieldError("patronSaintDay", "must be a day of the year as MM-DD, e.g. 12-26"));
    }
    TreeSet<String> hosts = new TreeSet<>();
    List<String> given = hostnames == null ? List.of() : hostnames;
    for (int i = 0; i < given.size(); i++) {
      String host = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
      if (!HOSTNAME.matcher(host).matches()) {
        errors.add(new FieldError("hostnames[" + i + "]", "is not a valid host name"));
      } else {
        hosts.add(host);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new OnboardingRequest(slug, name, parsedKind, taxCode, saintDay, List.copyOf(hosts));
  }

  private static boolean isMonthDay(String value) {
    if (!MONTH_DAY.matcher(value).matches()) {
      return false;
    }
    try {
      MonthDay.of(Integer.parseInt(value.substring(0, 2)), Integer.parseInt(value.substring(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  public TenantId tenantId() {
    return TenantId.of(slug);
  }

  /** Whether a registered tenant was created by this same request (idempotent repeat). */
  public boolean sameAs(Tenant tenant) {
    return slug.equals(tenant.getSlug())
        && displayName.equals(tenant.getDisplayName())
        && kind == tenant.getKind()
        && taxCode.equals(tenant.getTaxCode())
        && Objects.equals(patronSaintDay, tenant.getPatronSaintDay())
        && new TreeSet<>(hostnames).equals(new TreeSet<>(tenant.getHostnames()));
  }
}
