package it.ksanctions.tenancy.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The whole tenant registry as request resolution reads it, keyed by slug and by host.
 *
 * <p>Every request needs its tenant, so the registry is kept in memory and read again as a whole,
 * in one query, once it is older than {@code ksanctions.tenancy.directory-ttl} (default 5 s). One
 * request does that reading while the others go on with the copy they have; no request waits but
 * the first. So the database work is the same whether requests come for one command or are spread
 * over a thousand: a time-to-live per tenant made a spread load read the registry on almost every
 * request (docs/benchmarks.md, citizen portal). A tenant absent from the copy is absent: probing
 * unknown slugs costs no query.
 *
 * <p>A change made on this node ({@link #invalidate}) makes the next lookup of that tenant read its
 * row again at once; other cluster nodes see the change when their copy is next read.
 */
@ApplicationScoped
public class TenantDirectory {

  private record Copy(
      Map<String, TenantSnapshot> bySlug, Map<String, String> slugByHost, long readAtNanos) {

    static final Copy NONE = new Copy(Map.of(), Map.of(), 0);

    Copy with(String slug, Optional<Tenant> tenant) {
      Map<String, TenantSnapshot> slugs = new HashMap<>(bySlug);
      Map<String, String> hosts = new HashMap<>(slugByHost);
      slugs.remove(slug);
      hosts.values().removeIf(slug::equals);
      tenant.ifPresent(
          t -> {
            slugs.put(slug, TenantSnapshot.of(t));
            t.getHostnames().forEach(h -> hosts.put(h.toLowerCase(Locale.ROOT), slug));
          });
      return new Copy(Map.copyOf(slugs), Map.copyOf(hosts), readAtNanos);
    }
  }

  private final ReentrantLock reading = new ReentrantLock();
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private volatile Copy copy = Copy.NONE;

  @Inject TenantRegistry registry;

  @Inject
  @ConfigProperty(name = "ksanctions.tenancy.directory-ttl", defaultValue = "PT5S")
  Duration ttl;

  LongSupplier nanoTime = System::nanoTime;

  public Optional<TenantSnapshot> bySlug(String slug) {
    if (changed.contains(slug)) {
      readAgain(slug);
    }
    return Optional.ofNullable(current().bySlug().get(slug));
  }

  public Optional<TenantSnapshot> byHostname(String host) {
    String slug = current().slugByHost().get(host.toLowerCase(Locale.ROOT));
    return slug == null ? Optional.empty() : bySlug(slug);
  }

  /**
   * Changes a tenant's patron-saint day ({@code MM-DD}, or null for none), committed at once: this
   * node's next request computes deadlines with the new day; other nodes once their copy of the
   * registry is read again ({@code ksanctions.tenancy.directory-ttl}, 5 s by default).
   */
  public void changePatronSaintDay(String slug, String day) {
    registry.changePatronSaintDay(slug, day);
    invalidate(slug);
  }

  /**
   * Records, in the caller's transaction, that what the tenant shows the public (its branding, its
   * command's registry) changed: the tenant's public version goes up, so the caches keyed by it on
   * every node read that content again ({@link TenantSnapshot#publicVersion()}).
   */
  public void publicFaceChanged(String slug) {
    registry.publicFaceChanged(slug);
  }

  /** Makes the next lookup of the tenant read its row again, after a change on this node. */
  public void invalidate(String slug) {
    changed.add(slug);
  }

  private Copy current() {
    Copy now = copy;
    if (now == Copy.NONE) {
      reading.lock();
      try {
        if (copy == Copy.NONE) {
          readAll();
        }
      } finally {
        reading.unlock();
      }
      return copy;
    }
    if (nanoTime.getAsLong() - now.readAtNanos() >= ttl.toNanos() && reading.tryLock()) {
      try {
        if (copy == now) {
          readAll();
        }
      } finally {
        reading.unlock();
      }
    }
    return copy;
  }

  private void readAll() {
    Set<String> seen = Set.copyOf(changed);
    long now = nanoTime.getAsLong();
    List<Tenant> tenants = registry.list();
    Map<String, TenantSnapshot> slugs = new HashMap<>();
    Map<String, String> hosts = new HashMap<>();
    for (Tenant tenant : tenants) {
      slugs.put(tenant.getSlug(), TenantSnapshot.of(tenant));
      tenant.getHostnames().forEach(h -> hosts.put(h.toLowerCase(Locale.ROOT), tenant.getSlug()));
    }
    copy = new Copy(Map.copyOf(slugs), Map.copyOf(hosts), now);
    changed.removeAll(seen);
  }

  private void readAgain(String slug) {
    reading.lock();
    try {
      if (changed.remove(slug)) {
        current();
        copy = copy.with(slug, registry.find(slug));
      }
    } finally {
      reading.unlock();
    }
  }
}
