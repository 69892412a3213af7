package it.ksanctions.tenancy.web;

import it.ksanctions.tenancy.context.NoTenantException;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * The tenant the current request (or timer, or job) works for, as a registry snapshot: inject it
 * instead of reading request attributes or querying the registry again.
 *
 * <p>For an HTTP request, {@code TenantResolutionFilter} hands over the snapshot it resolved
 * (patron-saint day included), so the rest of the request needs no registry query. Elsewhere (EJB
 * timers, jobs, in-container tests) the tenant comes from the {@link
 * it.ksanctions.tenancy.context.TenantScope} in effect and its snapshot from the {@link
 * TenantDirectory}'s short-lived cache. Named {@code currentTenant} for the pages.
 */
@Named
@RequestScoped
public class CurrentTenant {

  @Inject TenantDirectory directory;

  private TenantSnapshot resolved;
  private String pathPrefix = "";
  private TenantRejection rejection;

  /**
   * Called by the resolution filter only: the request's tenant and, when resolved from the path,
   * the prefix ({@code /t/<slug>}) that generated links keep.
   */
  public void resolved(TenantSnapshot tenant, String pathPrefix) {
    this.resolved = tenant;
    this.pathPrefix = pathPrefix == null ? "" : pathPrefix;
  }

  /** Called by the resolution filter only: why the request's tenant is not served. */
  public void rejected(TenantRejection rejection, TenantSnapshot tenant) {
    this.rejection = rejection;
    this.resolved = tenant;
  }

  /**
   * The tenant of this request, if it has one: the snapshot the filter resolved (also while an
   * error page explains a rejection), else the tenant in scope.
   */
  public Optional<TenantSnapshot> find() {
    if (resolved != null) {
      Optional<TenantId> inScope = TenantContext.current();
      if (inScope.isEmpty() || inScope.get().equals(resolved.id())) {
        return Optional.of(resolved);
      }
    }
    return TenantContext.current().flatMap(id -> directory.bySlug(id.slug()));
  }

  /**
   * The tenant in scope.
   *
   * @throws NoTenantException outside any tenant scope
   */
  public TenantSnapshot require() {
    TenantId id = TenantContext.require();
    if (resolved != null && resolved.id().equals(id)) {
      return resolved;
    }
    return directory.bySlug(id.slug()).orElseThrow(NoTenantException::new);
  }

  /** The request's tenant if it may be served (onboarded and not suspended). */
  public Optional<TenantSnapshot> serving() {
    return find().filter(TenantSnapshot::isServing);
  }

  /** The path prefix that links of this request keep ({@code /t/<slug>}), or empty. */
  public String pathPrefix() {
    return pathPrefix;
  }

  /** Why this request's tenant was refused (for the error page), if it was. */
  public Optional<TenantRejection> rejection() {
    return Optional.ofNullable(rejection);
  }
}
