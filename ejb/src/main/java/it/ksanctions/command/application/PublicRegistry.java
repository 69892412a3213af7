package it.ksanctions.command.application;

import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command's registry as every page of its citizen portal shows it (name, body, contacts) and
 * whether it has a logo, kept per tenant so that a page does not read the registry's row, with its
 * images, from the database.
 *
 * <p>A card is kept while the tenant's public version ({@link TenantSnapshot#publicVersion()}) is
 * the one it was read at. A change of the registry raises that version in its own transaction
 * ({@link CommandRegistryAdministration}), so every node reads the card again once its copy of the
 * tenant registry shows the new version; this node drops the card at once when the change's
 * transaction ends. No time-to-live: one per tenant made a load spread over a thousand commands
 * read the registry on most visits (docs/benchmarks.md, citizen portal).
 */
@ApplicationScoped
public class PublicRegistry {

  /** The registry's public data and whether the registry has a logo. */
  public record Card(CommandRegistry registry, boolean hasLogo) {}

  /** Fired when the registry of {@code tenant} changed. */
  public record Changed(TenantId tenant) {}

  private record Cached(Card card, long version) {}

  @Inject CommandRegistryAdministration administration;
  @Inject TenantDirectory directory;

  private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

  /** The current tenant's card, from the cache while the tenant's public version is unchanged. */
  public Card current() {
    TenantId tenant = TenantContext.require();
    long version = directory.bySlug(tenant.slug()).map(TenantSnapshot::publicVersion).orElse(-1L);
    Cached cached = cache.get(tenant);
    if (cached != null && cached.version() == version) {
      return cached.card();
    }
    Card card = administration.card();
    cache.put(tenant, new Cached(card, version));
    return card;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
    cache.remove(change.tenant());
  }
}
