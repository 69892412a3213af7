package it.ksanctions.branding;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.branding.application.BrandingAdministration.StoredBranding;
import it.ksanctions.branding.domain.BaseThemes;
import it.ksanctions.branding.domain.BrandingChange;
import it.ksanctions.branding.domain.BrandingRuleException;
import it.ksanctions.branding.domain.ContrastCheck;
import it.ksanctions.branding.domain.HexColour;
import it.ksanctions.branding.domain.Theme;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /console/temi.xhtml?tenant=<slug>}: vendor staff edit a tenant's branding with a live
 * preview (sample header, button, link and portal card in the typed colours, the contrast ratios
 * and the WCAG AA verdict as they type). Only {@code platform-admin} reaches {@code /console/*}
 * (web.xml); the service refuses colours below WCAG AA with the Italian explanation.
 */
@Named
@ViewScoped
public class ThemesView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ITALY)
          .withZone(ZoneId.of("Europe/Rome"));

  @Inject transient BrandingAdministration branding;
  @Inject transient TenantDirectory directory;

  private String tenant;
  private String tenantName;
  private boolean known;
  private String baseTheme = BaseThemes.DEFAULT_CODE;
  private String displayName;
  private String primary;
  private String secondary;
  private String footerContacts;
  private String footerText;
  private String lastSaved;

  /** f:viewAction: loads the tenant's stored values. */
  public void load() {
    if (tenant == null) {
      tenant =
          FacesContext.getCurrentInstance()
              .getExternalContext()
              .getRequestParameterMap()
              .get("tenant");
    }
    Optional<TenantSnapshot> snapshot =
        tenant != null && TenantId.isValidSlug(tenant)
            ? directory.bySlug(tenant)
            : Optional.empty();
    known = snapshot.isPresent();
    if (!known) {
      error("Comune non trovato: indicare il codice (slug) di un comune registrato.");
      return;
    }
    tenantName = snapshot.get().displayName();
    StoredBranding stored = branding.stored(tenant);
    BrandingChange v = stored.values();
    baseTheme = v.baseTheme();
    displayName = v.displayName();
    primary = v.primary();
    secondary = v.secondary();
    footerContacts = v.footerContacts();
    footerText = v.footerText();
    lastSaved =
        stored.updatedAt() == null
            ? null
            : WHEN.format(stored.updatedAt()) + " da " + stored.updatedBy();
  }

  public void save() {
    if (!known) {
      return;
    }
    try {
      branding.save(tenant, change(), platformUser());
      load();
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Tema salvato.", null));
    } catch (BrandingRuleException e) {
      error(e.italianMessage());
    }
  }

  /** Nothing to do: the ajax request only updates the model, the preview re-renders. */
  public void preview() {}

  public List<Theme> getThemes() {
    return branding.themes();
  }

  public String themeLabel(String code) {
    return BaseThemes.label(code);
  }

  /** The primary colour the preview shows: the typed one when valid, else the inherited one. */
  public String getPreviewPrimary() {
    return colour(primary).orElse(base().primary()).css();
  }

  public String getPreviewSecondary() {
    return colour(secondary).orElse(base().secondary()).css();
  }

  public String getPreviewName() {
    if (displayName != null && !displayName.isBlank()) {
      return displayName.strip();
    }
    return tenantName == null ? "" : tenantName;
  }

  /** The contrast checks of the colours as typed; empty while a colour is malformed. */
  public List<ContrastCheck> getChecks() {
    return change().checks();
  }

  public boolean isColoursMalformed() {
    return colour(primary).isEmpty() && primary != null && !primary.isBlank()
        || colour(secondary).isEmpty() && secondary != null && !secondary.isBlank();
  }

  public boolean isCompliant() {
    List<ContrastCheck> checks = getChecks();
    return !checks.isEmpty() && checks.stream().allMatch(ContrastCheck::passes);
  }

  private Theme base() {
    return BaseThemes.find(baseTheme).orElse(BaseThemes.DEFAULT);
  }

  private static Optional<HexColour> colour(String text) {
    return HexColour.isValid(text)
        ? Optional.of(new HexColour(text.strip().toUpperCase(Locale.ROOT)))
        : Optional.empty();
  }

  private BrandingChange change() {
    return new BrandingChange(
        baseTheme, displayName, primary, secondary, footerContacts, footerText);
  }

  private static String platformUser() {
    var principal = FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
    return principal == null ? "sconosciuto" : principal.getName();
  }

  private static void error(String message) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getTenantName() {
    return tenantName;
  }

  public boolean isKnown() {
    return known;
  }

  public String getBaseTheme() {
    return baseTheme;
  }

  public void setBaseTheme(String baseTheme) {
    this.baseTheme = baseTheme;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPrimary() {
    return primary;
  }

  public void setPrimary(String primary) {
    this.primary = primary;
  }

  public String getSecondary() {
    return secondary;
  }

  public void setSecondary(String secondary) {
    this.secondary = secondary;
  }

  public String getFooterContacts() {
    return footerContacts;
  }

  public void setFooterContacts(String footerContacts) {
    this.footerContacts = footerContacts;
  }

  public String getFooterText() {
    return footerText;
  }

  public void setFooterText(String footerText) {
    this.footerText = footerText;
  }

  public String getLastSaved() {
    return lastSaved;
  }
}
