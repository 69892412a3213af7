package it.ksanctions.command.application;

import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command's registry as every page of its citizen portal shows it (name, body, contacts) and
 * whether it has a logo, kept per tenant for {@link #TIME_TO_LIVE} so that a page does not read the
 * registry's row, with its images, from the database. A change saved on this node is seen at once
 * (the entry is dropped when the change's transaction ends); another node sees it within the time
 * to live, as for the tenant's branding.
 */
@ApplicationScoped
public class PublicRegistry {

  static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

  /** The registry's public data and whether the registry has a logo. */
  public record Card(CommandRegistry registry, boolean hasLogo) {}

  /** Fired when the registry of {@code tenant} changed. */
  public record Changed(TenantId tenant) {}

  private record Cached(Card card, Instant until) {}

  @Inject CommandRegistryAdministration administration;

  Clock clock = Clock.systemUTC();

  private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

  /** The current tenant's card, from the cache when fresh. */
  public Card current() {
    TenantId tenant = TenantContext.require();
    Instant now = clock.instant();
    Cached cached = cache.get(tenant);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.card();
    }
    Card card = administration.card();
    cache.put(tenant, new Cached(card, now.plus(TIME_TO_LIVE)));
    return card;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
    cache.remove(change.tenant());
  }
}
