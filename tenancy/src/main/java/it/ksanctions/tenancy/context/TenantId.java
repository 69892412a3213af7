package it.ksanctions.tenancy.context;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity of a tenant: its slug, and the database names derived from it.
 *
 * <p>The slug is the only tenant identifier that crosses module boundaries. The schema and the
 * database role share one derived name ({@code t_<slug>} with dashes as underscores) so that a
 * schema can only be reached by the role that owns it. Because every database identifier is derived
 * from a slug that matched {@link #SLUG_PATTERN}, it never needs escaping beyond quoting.
 */
public final class TenantId {

  /** Lower-case letter first, then letters, digits or dashes: 2 to 31 characters. */
  public static final Pattern SLUG_PATTERN = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  private static final String SCHEMA_PREFIX = "t_";

  private final String slug;

  private TenantId(String slug) {
    this.slug = slug;
  }

  /**
   * @throws IllegalArgumentException if the slug is not a valid tenant slug
   */
  public static TenantId of(String slug) {
    if (!isValidSlug(slug)) {
      throw new IllegalArgumentException("Invalid tenant slug: " + slug);
    }
    return new TenantId(slug);
  }

  public static boolean isValidSlug(String slug) {
    return slug != null && SLUG_PATTERN.matcher(slug).matches();
  }

  public String slug() {
    return slug;
  }

  /** The PostgreSQL schema holding this tenant's tables. */
  public String schemaName() {
    return SCHEMA_PREFIX + slug.replace('-', '_');
  }

  /**
   * The PostgreSQL role owning the tenant's append-only tables (the audit log): the tenant role may
   * read and insert rows there, never change or delete them.
   */
  public String auditRoleName() {
    return schemaName() + "_audit";
  }

  /** The PostgreSQL role owning {@link #schemaName()}; pooled connections switch to it. */
  public String roleName() {
    return schemaName();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantId other && slug.equals(other.slug);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slug);
  }

  @Override
  public String toString() {
    return slug;
  }
}
