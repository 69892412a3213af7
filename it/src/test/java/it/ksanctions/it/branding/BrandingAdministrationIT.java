package it.ksanctions.it.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.branding.application.BrandingAdministration;
import it.ksanctions.branding.domain.BaseThemes;
import it.ksanctions.branding.domain.BrandingChange;
import it.ksanctions.branding.domain.BrandingRuleException;
import it.ksanctions.branding.domain.EffectiveBranding;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant branding in the server (PLT-9): stored in schema platform, inherited from the base theme,
 * refused below WCAG AA with nothing stored, audited in the tenant's own log, and cached per tenant
 * without ever mixing two tenants.
 */
@ExtendWith(ArquillianExtension.class)
class BrandingAdministrationIT {

  static final String ALFA = "brand-alfa";
  static final String BETA = "brand-beta";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject BrandingAdministration branding;
  @Inject it.ksanctions.tenancy.registry.TenantDirectory directory;

  @PersistenceContext(unitName = "tenant")
  EntityManager tenantEm;

  @Inject UserTransaction tx;

  @Test
  void brandingIsSavedInheritedRefusedAndNeverMixedBetweenTenants() throws Exception {
    onboarding.onboard(
        OnboardingRequest.validated(
            ALFA, "Comune di Alfa (temi)", "COMUNE", "00097020598", null, List.of()));
    onboarding.onboard(
        OnboardingRequest.validated(
            BETA, "Comune di Beta (temi)", "COMUNE", "00097020598", null, List.of()));

    // Nothing stored: the default theme and the registered name.
    EffectiveBranding initial = branding.effectiveBranding(ALFA);
    assertThat(initial.baseTheme()).isEqualTo("default");
    assertThat(initial.primary()).isEqualTo(BaseThemes.DEFAULT.primary());
    assertThat(initial.displayName()).isEqualTo("Comune di Alfa (temi)");

    // Both tenants cached, then only Alfa changes: Beta keeps its own values.
    assertThat(branding.effectiveBranding(BETA).primary()).isEqualTo(BaseThemes.DEFAULT.primary());
    long alfaVersion = publicVersion(ALFA);
    long betaVersion = publicVersion(BETA);
    EffectiveBranding alfa =
        branding.save(
            ALFA,
            new BrandingChange("verde", "Polizia Locale di Alfa", null, null, "Via Roma 1", null),
            "assistenza");
    assertThat(alfa.primary()).isEqualTo(BaseThemes.VERDE.primary());
    // the save raised Alfa's public version (what other nodes' caches compare), not Beta's
    assertThat(publicVersion(ALFA)).isEqualTo(alfaVersion + 1);
    assertThat(publicVersion(BETA)).isEqualTo(betaVersion);
    assertThat(alfa.displayName()).isEqualTo("Polizia Locale di Alfa");
    assertThat(alfa.footerText()).isEqualTo(BaseThemes.DEFAULT.footerText());
    assertThat(branding.effectiveBranding(ALFA)).isEqualTo(alfa);
    assertThat(branding.effectiveBranding(BETA).primary()).isEqualTo(BaseThemes.DEFAULT.primary());
    assertThat(branding.effectiveBranding(BETA).displayName()).isEqualTo("Comune di Beta (temi)");

    branding.assignBaseTheme(BETA, "bordeaux", "assistenza");
    assertThat(branding.effectiveBranding(BETA).primary()).isEqualTo(BaseThemes.BORDEAUX.primary());
    assertThat(branding.effectiveBranding(ALFA).primary()).isEqualTo(BaseThemes.VERDE.primary());

    // An override wins over the base theme; a colour below WCAG AA is refused, nothing changes.
    branding.save(
        BETA, new BrandingChange("bordeaux", null, "#1A4D2E", null, null, null), "assistenza");
    assertThat(branding.effectiveBranding(BETA).primary().value()).isEqualTo("#1A4D2E");
    assertThat(branding.effectiveBranding(BETA).secondary())
        .isEqualTo(BaseThemes.BORDEAUX.secondary());
    long refusedVersion = publicVersion(BETA);
    assertThatThrownBy(
            () ->
                branding.save(
                    BETA,
                    new BrandingChange("bordeaux", null, "#FFCC00", null, null, null),
                    "assistenza"))
        .isInstanceOf(BrandingRuleException.class)
        .hasMessageContaining("Il colore primario #FFCC00 con testo bianco ha contrasto 1,5:1")
        .hasMessageContaining("il minimo WCAG AA è 4,5:1");
    assertThatThrownBy(() -> branding.assignBaseTheme(BETA, "fucsia", "assistenza"))
        .isInstanceOf(BrandingRuleException.class)
        .hasMessageContaining("Il tema \"fucsia\" non esiste");
    directory.invalidate(BETA);
    assertThat(publicVersion(BETA)).isEqualTo(refusedVersion);
    branding.invalidateAll();
    assertThat(branding.effectiveBranding(BETA).primary().value()).isEqualTo("#1A4D2E");
    assertThat(branding.effectiveBranding(ALFA).footerContacts()).isEqualTo("Via Roma 1");
    assertThat(branding.stored(BETA).updatedBy()).isEqualTo("assistenza");

    // The change is in the tenant's own audit log, by the vendor's user; not in the other's.
    assertThat(auditedBrandingChanges(BETA)).isEqualTo(2);
    assertThat(auditedBrandingChanges(ALFA)).isEqualTo(1);

    // A logo of its own replaces the registry's (none here) and is served from the branding.
    assertThat(branding.logo(ALFA)).isEmpty();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    branding.changeLogo(ALFA, "image/png", png, "assistenza");
    assertThat(branding.logo(ALFA)).hasValueSatisfying(l -> assertThat(l.content()).isEqualTo(png));
    assertThat(branding.logo(BETA)).isEmpty();
    assertThat(branding.effectiveBranding(ALFA).ownLogo()).isTrue();
    assertThatThrownBy(() -> branding.changeLogo(BETA, "text/html", png, "assistenza"))
        .hasMessageContaining("PNG, JPEG o SVG");
  }

  private long auditedBrandingChanges(String slug) throws Exception {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      tx.begin();
      try {
        return ((Number)
                tenantEm
                    .createNativeQuery(
                        "select count(*) from audit_event where function_name = 'Tema grafico'"
                            + " and username = 'assistenza' and role_code = 'platform-admin'")
                    .getSingleResult())
            .longValue();
      } finally {
        tx.commit();
      }
    }
  }

  private long publicVersion(String slug) {
    return directory.bySlug(slug).orElseThrow().publicVersion();
  }
}
