package it.ksanctions.portal;

import it.ksanctions.portal.application.PortalFiles.Grant;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the citizen of this browser session may see, per tenant (one browser may visit several
 * commands' portals): the acts opened with codice fiscale and PIN. Kept only in the HTTP session,
 * whose id changes at every access (no session fixation).
 */
@SessionScoped
public class CitizenSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<String, Grant> grants = new HashMap<>();
  private final Map<String, java.util.UUID> preNotices = new HashMap<>();

  /** The pre-notice this browser found with plate and code on {@code tenant}'s portal, if any. */
  public synchronized Optional<java.util.UUID> preNotice(String tenant) {
    return Optional.ofNullable(preNotices.get(tenant));
  }

  /** A pre-notice found with plate and code (ADR 0013); replaces the previous one. */
  public synchronized void foundPreNotice(String tenant, java.util.UUID id) {
    preNotices.put(tenant, id);
  }

  /** The grant for {@code tenant}, if the citizen opened an act there. */
  public synchronized Optional<Grant> grant(String tenant) {
    return Optional.ofNullable(grants.get(tenant));
  }

  /** Adds an act opened with CF + PIN; another codice fiscale replaces the previous grant. */
  public synchronized void opened(String tenant, String taxCode, long verbaleId) {
    Grant current = grants.get(tenant);
    Set<Long> acts = new LinkedHashSet<>();
    if (current != null && current.taxCode().equals(taxCode)) {
      acts.addAll(current.acts());
    }
    acts.add(verbaleId);
    grants.put(tenant, new Grant(taxCode, Set.copyOf(acts), "PIN"));
  }

  /** A verified identity (SPID/CIE): every act of its codice fiscale, replacing any grant. */
  public synchronized void verified(
      String tenant, String taxCode, java.util.Collection<Long> acts) {
    grants.put(tenant, new Grant(taxCode, Set.copyOf(acts), "SPID"));
  }

  public synchronized void leave(String tenant) {
    grants.remove(tenant);
    preNotices.remove(tenant);
  }
}
