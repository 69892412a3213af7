package it.ksanctions.portal;

import it.ksanctions.portal.application.CompanyDrivers.Company;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rental or leasing company signed in in this browser session, per tenant (issue 16 item 6),
 * with its ID token for the logout. Kept only in the HTTP session, whose id changes at the login;
 * apart from the citizen's grant ({@link CitizenSession}), so a company never sees a citizen's
 * pages and the other way round.
 */
@SessionScoped
public class CompanySession implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A signed-in company and its ID token. */
  record SignedIn(Company company, String idToken) implements Serializable {}

  private final Map<String, SignedIn> companies = new HashMap<>();

  public synchronized Optional<Company> company(String tenant) {
    return Optional.ofNullable(companies.get(tenant)).map(SignedIn::company);
  }

  public synchronized void signedIn(String tenant, Company company, String idToken) {
    companies.put(tenant, new SignedIn(company, idToken));
  }

  /** Forgets the company and answers its ID token, if one was signed in. */
  public synchronized Optional<String> leave(String tenant) {
    return Optional.ofNullable(companies.remove(tenant)).map(SignedIn::idToken);
  }
}
