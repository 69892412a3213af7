package it.ksanctions.tenancy.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Read-through cache of tenant snapshots for request resolution, keyed by slug and by host.
 *
 * <p>Every request needs its tenant, so lookups are cached for a short time-to-live ({@code
 * ksanctions.tenancy.directory-ttl}, default 5 s). Changes made on this node invalidate the entry
 * at once; other cluster nodes see them within the time-to-live. Absent tenants are cached too, so
 * probing unknown slugs cannot hammer the database.
 */
@ApplicationScoped
public class TenantDirectory {

  private record Entry(Optional<TenantSnapshot> value, long expiresAtNanos) {}

  private final Map<String, Entry> bySlug = new ConcurrentHashMap<>();
  private final Map<String, Entry> byHost = new ConcurrentHashMap<>();

  @Inject TenantRegistry registry;

  @Inject
  @ConfigProperty(name = "ksanctions.tenancy.directory-ttl", defaultValue = "PT5S")
  Duration ttl;

  public Optional<TenantSnapshot> bySlug(String slug) {
    return lookup(bySlug, slug, () -> registry.find(slug).map(TenantSnapshot::of));
  }

  public Optional<TenantSnapshot> byHostname(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    return lookup(byHost, key, () -> registry.findByHostname(key).map(TenantSnapshot::of));
  }

  /**
   * Changes a tenant's patron-saint day ({@code MM-DD}, or null for none), committed at once, and
   * drops the snapshot: this node's next request computes deadlines with the new day; other nodes
   * within the snapshots' time-to-live ({@code ksanctions.tenancy.directory-ttl}, 5 s by default).
   */
  public void changePatronSaintDay(String slug, String day) {
    registry.changePatronSaintDay(slug, day);
    invalidate(slug);
  }

  /** Forgets everything cached about a tenant after a change on this node. */
  public void invalidate(String slug) {
    bySlug.remove(slug);
    byHost.clear();
  }

  private Optional<TenantSnapshot> lookup(
      Map<String, Entry> cache,
      String key,
      java.util.function.Supplier<Optional<TenantSnapshot>> loader) {
    long now = System.nanoTime();
    Entry entry = cache.get(key);
    if (entry != null && entry.expiresAtNanos - now > 0) {
      return entry.value;
    }
    Optional<TenantSnapshot> value = loader.get();
    cache.put(key, new Entry(value, now + ttl.toNanos()));
    return value;
  }
}
