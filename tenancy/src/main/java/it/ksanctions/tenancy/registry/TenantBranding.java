package it.ksanctions.tenancy.registry;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A tenant's stored branding in schema {@code platform} (V4): its base theme and the values that
 * override it, null meaning inherited. The values are validated by the branding module before they
 * get here; this class only carries them.
 */
@Entity
@Table(name = "tenant_branding", schema = "platform")
public class TenantBranding {

  @Id
  @Column(name = "tenant_slug", length = 31)
  private String slug;

  @Column(name = "base_theme", nullable = false)
  private String baseTheme;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "primary_colour")
  private String primaryColour;

  @Column(name = "secondary_colour")
  private String secondaryColour;

  @Column(name = "footer_contacts")
  private String footerContacts;

  @Column(name = "footer_text")
  private String footerText;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "logo")
  private byte[] logo;

  @Column(name = "logo_content_type")
  private String logoContentType;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Version private long version;

  protected TenantBranding() {}

  public TenantBranding(String slug) {
    this.slug = slug;
    this.baseTheme = "default";
  }

  /** Replaces every overridable value (null = inherited) and records who did it. */
  public void change(
      String baseTheme,
      String displayName,
      String primaryColour,
      String secondaryColour,
      String footerContacts,
      String footerText,
      Instant at,
      String by) {
    this.baseTheme = baseTheme;
    this.displayName = displayName;
    this.primaryColour = primaryColour;
    this.secondaryColour = secondaryColour;
    this.footerContacts = footerContacts;
    this.footerText = footerText;
    touched(at, by);
  }

  public void changeBaseTheme(String baseTheme, Instant at, String by) {
    this.baseTheme = baseTheme;
    touched(at, by);
  }

  /** Sets (or, with null content, removes) the tenant's own logo. */
  public void changeLogo(byte[] content, String contentType, Instant at, String by) {
    this.logo = content;
    this.logoContentType = content == null ? null : contentType;
    touched(at, by);
  }

  private void touched(Instant at, String by) {
    this.updatedAt = at;
    this.updatedBy = by;
  }

  public String slug() {
    return slug;
  }

  public String baseTheme() {
    return baseTheme;
  }

  public String displayName() {
    return displayName;
  }

  public String primaryColour() {
    return primaryColour;
  }

  public String secondaryColour() {
    return secondaryColour;
  }

  public String footerContacts() {
    return footerContacts;
  }

  public String footerText() {
    return footerText;
  }

  public boolean hasLogo() {
    return logoContentType != null;
  }

  public byte[] logo() {
    return logo;
  }

  public String logoContentType() {
    return logoContentType;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }
}
