package it.ksanctions.branding.application;

import it.ksanctions.branding.domain.BaseThemes;
import it.ksanctions.branding.domain.BrandingChange;
import it.ksanctions.branding.domain.BrandingRuleException;
import it.ksanctions.branding.domain.EffectiveBranding;
import it.ksanctions.branding.domain.HexColour;
import it.ksanctions.branding.domain.Theme;
import it.ksanctions.branding.domain.ThemeResolver;
import it.ksanctions.branding.infrastructure.BrandingAuditTrail;
import it.ksanctions.command.application.CommandRegistryAdministration;
import it.ksanctions.command.application.PublicRegistry;
import it.ksanctions.command.domain.RegistryImage;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.TenantBranding;
import it.ksanctions.tenancy.registry.TenantBrandingStore;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants' branding (SPEC PLT-9, PLT-10): the base themes, each tenant's effective branding and its
 * changes by vendor staff.
 *
 * <p>Authorisation is the caller's: the platform REST API allows only {@code platform-admin}
 * ({@code BrandingResource}), the vendor console's pages sit under {@code /console/*}, which
 * requires the same role. Reading the effective branding is public (every page shows it).
 *
 * <p>The effective branding is cached per tenant: the key is the tenant's slug, never anything a
 * tenant chooses. An entry is kept as long as the tenant's registry entry it was read with is the
 * one the directory holds: a save raises the tenant's public version in its own transaction ({@code
 * TenantBrandingStore}), so this node reads the branding again at once and every other node when
 * its copy of the registry is next read (docs/benchmarks.md, citizen portal: a time-to-live per
 * tenant made a load spread over many commands read the branding on most visits).
 */
@ApplicationScoped
public class BrandingAdministration {

  @Inject TenantBrandingStore store;
  @Inject TenantDirectory directory;
  @Inject CommandRegistryAdministration commandRegistry;
  @Inject PublicRegistry publicRegistry;
  @Inject BrandingAuditTrail audit;

  Clock clock = Clock.systemUTC();

  private record Cached(EffectiveBranding branding, TenantSnapshot readWith) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** A tenant's stored overrides, as the editing page shows them. */
  public record StoredBranding(
      BrandingChange values, boolean ownLogo, Instant updatedAt, String updatedBy) {}

  /** The base themes a tenant may inherit from. */
  public List<Theme> themes() {
    return BaseThemes.all();
  }

  /**
   * The tenant's branding with everything resolved, from the cache while the tenant's registry
   * entry (its public version included) is the one it was read with.
   *
   * @throws IllegalArgumentException when the tenant does not exist
   */
  public EffectiveBranding effectiveBranding(String slug) {
    TenantSnapshot tenant = requireTenant(slug);
    Cached cached = cache.get(slug);
    if (cached != null && cached.readWith().equals(tenant)) {
      return cached.branding();
    }
    EffectiveBranding branding = load(slug, tenant);
    cache.put(slug, new Cached(branding, tenant));
    return branding;
  }

  /** The tenant's own overrides (blank = inherited). */
  public StoredBranding stored(String slug) {
    requireTenant(slug);
    return store
        .find(slug)
        .map(
            row ->
                new StoredBranding(
                    new BrandingChange(
                        row.baseTheme(),
                        row.displayName(),
                        row.primaryColour(),
                        row.secondaryColour(),
                        row.footerContacts(),
                        row.footerText()),
                    row.hasLogo(),
                    row.updatedAt(),
                    row.updatedBy()))
        .orElseGet(
            () ->
                new StoredBranding(
                    new BrandingChange(BaseThemes.DEFAULT_CODE, null, null, null, null, null),
                    false,
                    null,
                    null));
  }

  /**
   * Validates and stores the tenant's branding (WCAG AA contrast included), then records it in the
   * tenant's audit log.
   *
   * @throws BrandingRuleException with the Italian explanation when refused: nothing is stored
   */
  public EffectiveBranding save(String slug, BrandingChange change, String platformUser) {
    requireTenant(slug);
    Theme theme = change.validated(slug);
    Instant now = clock.instant();
    store.update(
        slug,
        row ->
            row.change(
                theme.parent(),
                theme.displayName(),
                theme.primary() == null ? null : theme.primary().value(),
                theme.secondary() == null ? null : theme.secondary().value(),
                theme.footerContacts(),
                theme.footerText(),
                now,
                platformUser));
    changed(slug);
    audit.record(
        slug,
        platformUser,
        BrandingAuditTrail.PLATFORM_ROLE,
        "tema "
            + theme.parent()
            + ", primario "
            + theme.primary()
            + ", secondario "
            + theme.secondary());
    return effectiveBranding(slug);
  }

  /** Gives the tenant a base theme, keeping its overrides (the onboarding wizard's step). */
  public EffectiveBranding assignBaseTheme(String slug, String themeCode, String platformUser) {
    requireTenant(slug);
    StoredBranding current = stored(slug);
    BrandingChange values = current.values();
    Theme base = BaseThemes.require(themeCode);
    // Overrides must still pass with the new base (its colours fill the unset ones).
    new BrandingChange(
            base.code(),
            values.displayName(),
            values.primary(),
            values.secondary(),
            values.footerContacts(),
            values.footerText())
        .validated(slug);
    store.update(slug, row -> row.changeBaseTheme(base.code(), clock.instant(), platformUser));
    changed(slug);
    audit.record(slug, platformUser, BrandingAuditTrail.PLATFORM_ROLE, "tema " + base.code());
    return effectiveBranding(slug);
  }

  /** Sets the tenant's own logo (PNG, JPEG or SVG up to 1 MB); null content removes it. */
  public void changeLogo(String slug, String contentType, byte[] content, String platformUser) {
    requireTenant(slug);
    if (content != null) {
      if (content.length == 0 || content.length > RegistryImage.LOGO_MAX_BYTES) {
        throw new BrandingRuleException(
            "branding.logo.size", "Il logo deve essere un'immagine di al massimo 1 MB.");
      }
      if (!List.of("image/png", "image/jpeg", "image/svg+xml").contains(contentType)) {
        throw new BrandingRuleException(
            "branding.logo.type", "Il logo deve essere un'immagine PNG, JPEG o SVG.");
      }
    }
    store.update(slug, row -> row.changeLogo(content, contentType, clock.instant(), platformUser));
    changed(slug);
    audit.record(
        slug,
        platformUser,
        BrandingAuditTrail.PLATFORM_ROLE,
        content == null ? "logo rimosso" : "logo (" + content.length + " byte)");
  }

  /**
   * The logo the tenant's pages show: its own, else the command registry's (read in the tenant's
   * scope). Public data.
   */
  public Optional<RegistryImage> logo(String slug) {
    Optional<TenantBranding> row = store.find(slug).filter(TenantBranding::hasLogo);
    if (row.isPresent()) {
      return Optional.of(new RegistryImage("logo", row.get().logoContentType(), row.get().logo()));
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      return commandRegistry.logo();
    }
  }

  /**
   * Whether the tenant's pages show a logo (its own, else the command registry's), from the
   * tenant's cached branding and the registry's public card: no image is read.
   */
  public boolean hasLogo(String slug) {
    if (effectiveBranding(slug).ownLogo()) {
      return true;
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      return publicRegistry.current().hasLogo();
    }
  }

  /** Forgets every cached branding (tests, and after bulk changes). */
  public void invalidateAll() {
    cache.clear();
  }

  private EffectiveBranding load(String slug, TenantSnapshot tenant) {
    Optional<TenantBranding> row = store.find(slug);
    Theme theme =
        row.map(
                r ->
                    new Theme(
                        BrandingChange.tenantThemeCode(slug),
                        BaseThemes.find(r.baseTheme()).map(Theme::code).orElse("default"),
                        r.displayName(),
                        colour(r.primaryColour()),
                        colour(r.secondaryColour()),
                        r.footerContacts(),
                        r.footerText()))
            .orElse(
                new Theme(
                    BrandingChange.tenantThemeCode(slug),
                    BaseThemes.DEFAULT_CODE,
                    null,
                    null,
                    null,
                    null,
                    null));
    return ThemeResolver.resolve(
        slug, theme, tenant.displayName(), row.map(TenantBranding::hasLogo).orElse(false));
  }

  private static HexColour colour(String stored) {
    return stored != null && HexColour.isValid(stored) ? new HexColour(stored.strip()) : null;
  }

  /** After a save on this node: read the tenant's entry and its branding again at once. */
  private void changed(String slug) {
    cache.remove(slug);
    directory.invalidate(slug);
  }

  private TenantSnapshot requireTenant(String slug) {
    if (slug == null || !TenantId.isValidSlug(slug)) {
      throw new IllegalArgumentException("Unknown tenant " + slug);
    }
    return directory
        .bySlug(slug)
        .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + slug));
  }
}
