package it.ksanctions.tenancy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.tenancy.context.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory reads the whole registry in one query per time-to-live, whatever the number of
 * tenants the requests are spread over, and a tenant changed on this node at once.
 */
class TenantDirectoryTest {

  /** The registry as the database would give it, with its queries counted. */
  static final class Registry extends TenantRegistry {
    final Map<String, Tenant> rows = new LinkedHashMap<>();
    int wholeReads;
    final List<String> rowReads = new ArrayList<>();

    @Override
    public List<Tenant> list() {
      wholeReads++;
      return List.copyOf(rows.values());
    }

    @Override
    public Optional<Tenant> find(String slug) {
      rowReads.add(slug);
      return Optional.ofNullable(rows.get(slug));
    }
  }

  final Registry registry = new Registry();
  final TenantDirectory directory = new TenantDirectory();
  long now = 1_000_000_000L;

  static Tenant tenant(String slug, String name, String... hosts) {
    return new Tenant(
        TenantId.of(slug),
        name,
        TenantKind.COMUNE,
        "00000000000",
        null,
        List.of(hosts),
        Instant.parse("2026-12-04T10:00:00Z"));
  }

  @BeforeEach
  void wire() {
    for (int i = 0; i < 1000; i++) {
      registry.rows.put("comune" + i, tenant("comune" + i, "Comune " + i));
    }
    registry.rows.put("latina", tenant("latina", "Comune di Latina", "multe.comune.latina.it"));
    directory.registry = registry;
    directory.ttl = Duration.ofSeconds(5);
    directory.nanoTime = () -> now;
  }

  @Test
  void aLoadSpreadOverAThousandTenantsReadsTheRegistryOncePerTimeToLive() {
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 1000; i++) {
        assertThat(directory.bySlug("comune" + i).orElseThrow().displayName())
            .isEqualTo("Comune " + i);
      }
    }
    assertThat(registry.wholeReads).isEqualTo(1);
    assertThat(registry.rowReads).isEmpty();

    now += Duration.ofSeconds(5).toNanos();
    registry.rows.put("comune7", tenant("comune7", "Comune di Sette"));
    assertThat(directory.bySlug("comune7").orElseThrow().displayName())
        .isEqualTo("Comune di Sette");
    assertThat(directory.bySlug("comune8").orElseThrow().displayName()).isEqualTo("Comune 8");
    assertThat(registry.wholeReads).isEqualTo(2);
  }

  @Test
  void anUnknownSlugOrHostCostsNoQuery() {
    directory.bySlug("latina");
    for (int i = 0; i < 100; i++) {
      assertThat(directory.bySlug("inesistente" + i)).isEmpty();
      assertThat(directory.byHostname("multe.inesistente" + i + ".it")).isEmpty();
    }
    assertThat(registry.wholeReads).isEqualTo(1);
    assertThat(registry.rowReads).isEmpty();
  }

  @Test
  void aHostnameResolvesToItsTenantWhateverItsCase() {
    assertThat(directory.byHostname("Multe.Comune.Latina.IT").map(TenantSnapshot::slug))
        .contains("latina");
  }

  @Test
  void aTenantChangedOnThisNodeIsReadAgainAtOnceAndAloneBeforeTheTimeToLive() {
    directory.bySlug("latina");
    registry.rows.put("latina", tenant("latina", "Città di Latina", "verbali.latina.it"));
    registry.rows.put("comune1", tenant("comune1", "Comune Uno"));
    registry.rows.put("nuovo", tenant("nuovo", "Comune Nuovo"));
    directory.invalidate("latina");
    directory.invalidate("nuovo");

    assertThat(directory.bySlug("latina").orElseThrow().displayName()).isEqualTo("Città di Latina");
    assertThat(directory.bySlug("nuovo")).isPresent();
    assertThat(directory.byHostname("verbali.latina.it").map(TenantSnapshot::slug))
        .contains("latina");
    assertThat(directory.byHostname("multe.comune.latina.it")).isEmpty();
    // not changed on this node: seen when the copy is next read
    assertThat(directory.bySlug("comune1").orElseThrow().displayName()).isEqualTo("Comune 1");
    assertThat(registry.rowReads).containsExactly("latina", "nuovo");
    assertThat(registry.wholeReads).isEqualTo(1);

    registry.rows.remove("nuovo");
    directory.invalidate("nuovo");
    assertThat(directory.bySlug("nuovo")).isEmpty();
  }
}
