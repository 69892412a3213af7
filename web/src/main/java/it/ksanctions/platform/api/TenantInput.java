package it.ksanctions.platform.api;

import java.util.List;

/** JSON body of an onboarding request; validated by {@code OnboardingRequest.validated}. */
public class TenantInput {
  public String slug;
  public String displayName;
  public String kind;
  public String taxCode;
  public String patronSaintDay;
  public List<String> hostnames;
}
