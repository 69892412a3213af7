package it.ksanctions.platform.application;

import it.ksanctions.identity.application.TenantIdentities.InitialCredentials;
import it.ksanctions.tenancy.registry.Tenant;
import java.util.Optional;

/**
 * The tenant after an onboarding request, whether this request created it, and the first
 * administrator's one-time credentials when this request created that account.
 */
public record OnboardingOutcome(
    Tenant tenant, boolean created, Optional<InitialCredentials> administrator) {}
