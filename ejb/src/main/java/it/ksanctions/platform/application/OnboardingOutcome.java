package it.ksanctions.platform.application;

import it.ksanctions.tenancy.registry.Tenant;

/** The tenant after an onboarding request, and whether this request created it. */
public record OnboardingOutcome(Tenant tenant, boolean created) {}
