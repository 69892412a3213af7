package it.ksanctions.platform.api;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.branding.application.BrandingAdministration.StoredBranding;
import it.ksanctions.branding.domain.BrandingChange;
import it.ksanctions.branding.domain.EffectiveBranding;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.application.UnknownTenantException;
import it.ksanctions.shared.FieldError;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * A tenant's branding for vendor support staff (SPEC PLT-9): {@code GET} the stored overrides and
 * the effective result, {@code PUT} new values (blank = inherited from the base theme). Colours
 * failing WCAG AA are refused with 400 and the Italian explanation as the problem's detail.
 */
@Path("/platform/tenants/{slug}/branding")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class BrandingResource {

  @Inject BrandingAdministration branding;
  @EJB TenantOnboarding onboarding;
  @Context SecurityContext security;

  /** The JSON body of PUT and of the answers. */
  public static class BrandingInput {
    public String baseTheme;
    public String displayName;
    public String primaryColour;
    public String secondaryColour;
    public String footerContacts;
    public String footerText;
  }

  /** Stored overrides and the effective branding. */
  public static class BrandingOutput {
    public BrandingInput stored;
    public BrandingInput effective;
    public boolean ownLogo;
    public String updatedBy;
  }

  @GET
  public BrandingOutput get(@PathParam("slug") String slug) {
    requireTenant(slug);
    return output(branding.stored(slug), branding.effectiveBranding(slug));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public BrandingOutput put(@PathParam("slug") String slug, BrandingInput input) {
    requireTenant(slug);
    if (input == null) {
      throw new InvalidRequestException(List.of(new FieldError("body", "is required")));
    }
    EffectiveBranding effective =
        branding.save(
            slug,
            new BrandingChange(
                input.baseTheme == null ? "default" : input.baseTheme,
                input.displayName,
                input.primaryColour,
                input.secondaryColour,
                input.footerContacts,
                input.footerText),
            security.getUserPrincipal().getName());
    return output(branding.stored(slug), effective);
  }

  private void requireTenant(String slug) {
    if (onboarding.find(slug).isEmpty()) {
      throw new UnknownTenantException(slug);
    }
  }

  private static BrandingOutput output(StoredBranding stored, EffectiveBranding effective) {
    BrandingOutput out = new BrandingOutput();
    BrandingInput s = new BrandingInput();
    s.baseTheme = stored.values().baseTheme();
    s.displayName = stored.values().displayName();
    s.primaryColour = stored.values().primary();
    s.secondaryColour = stored.values().secondary();
    s.footerContacts = stored.values().footerContacts();
    s.footerText = stored.values().footerText();
    BrandingInput e = new BrandingInput();
    e.baseTheme = effective.baseTheme();
    e.displayName = effective.displayName();
    e.primaryColour = effective.primary().value();
    e.secondaryColour = effective.secondary().value();
    e.footerContacts = effective.footerContacts();
    e.footerText = effective.footerText();
    out.stored = s;
    out.effective = e;
    out.ownLogo = stored.ownLogo();
    out.updatedBy = stored.updatedBy();
    return out;
  }
}
