package it.ksanctions.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.tenancy.context.NoTenantException;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import it.ksanctions.tenancy.registry.TenantDirectory;
import it.ksanctions.tenancy.registry.TenantKind;
import it.ksanctions.tenancy.registry.TenantSnapshot;
import it.ksanctions.tenancy.registry.TenantStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's registry card kept per tenant: never another tenant's, read again when the tenant's
 * public version changes (on any node) or at once when the registry changed on this node.
 */
class PublicRegistryTest {

  /** The registry of the current tenant as the database would give it, with the reads counted. */
  static final class Registries extends CommandRegistryAdministration {
    final Map<String, String> names = new HashMap<>();
    final Map<String, Integer> reads = new HashMap<>();

    @Override
    public PublicRegistry.Card card() {
      String slug = TenantContext.require().slug();
      reads.merge(slug, 1, Integer::sum);
      return new PublicRegistry.Card(
          CommandRegistry.initial(names.get(slug), BodyKind.COMUNE, "00000000000"),
          slug.equals("alfa"));
    }
  }

  /** The directory's copy of the registry: each tenant with the public version given here. */
  static final class Directory extends TenantDirectory {
    final Map<String, Long> versions = new HashMap<>();

    @Override
    public Optional<TenantSnapshot> bySlug(String slug) {
      return Optional.ofNullable(versions.get(slug))
          .map(
              v ->
                  new TenantSnapshot(
                      TenantId.of(slug),
                      slug,
                      TenantKind.COMUNE,
                      TenantStatus.ACTIVE,
                      Optional.empty(),
                      v));
    }
  }

  final Registries registries = new Registries();
  final Directory directory = new Directory();
  final PublicRegistry cards = new PublicRegistry();

  @BeforeEach
  void wire() {
    registries.names.put("alfa", "Polizia Locale di Alfa");
    registries.names.put("beta", "Polizia Locale di Beta");
    directory.versions.put("alfa", 0L);
    directory.versions.put("beta", 0L);
    cards.administration = registries;
    cards.directory = directory;
  }

  private PublicRegistry.Card in(String slug) {
    try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
      return cards.current();
    }
  }

  @Test
  void eachTenantGetsItsOwnCardEvenWhenTheOtherIsCached() {
    assertThat(in("alfa").registry().officialName()).isEqualTo("Polizia Locale di Alfa");
    assertThat(in("alfa").hasLogo()).isTrue();
    assertThat(in("beta").registry().officialName()).isEqualTo("Polizia Locale di Beta");
    assertThat(in("beta").hasLogo()).isFalse();
    assertThat(in("alfa").registry().officialName()).isEqualTo("Polizia Locale di Alfa");
    assertThat(registries.reads).containsEntry("alfa", 1).containsEntry("beta", 1);
  }

  @Test
  void aCardIsKeptUntilItsTenantsPublicVersionChangesWhereverTheChangeWasMade() {
    in("alfa");
    in("beta");
    registries.names.put("alfa", "Corpo di Polizia Locale di Alfa");
    for (int i = 0; i < 100; i++) {
      assertThat(in("alfa").registry().officialName()).isEqualTo("Polizia Locale di Alfa");
    }
    // another node saved the registry: its transaction raised the version this node now reads
    directory.versions.put("alfa", 1L);
    assertThat(in("alfa").registry().officialName()).isEqualTo("Corpo di Polizia Locale di Alfa");
    assertThat(in("alfa").registry().officialName()).isEqualTo("Corpo di Polizia Locale di Alfa");
    assertThat(registries.reads).containsEntry("alfa", 2);
    // another tenant's version is its own
    assertThat(in("beta").registry().officialName()).isEqualTo("Polizia Locale di Beta");
    assertThat(registries.reads).containsEntry("beta", 1);
  }

  @Test
  void aChangeOnThisNodeDropsOnlyThatTenantsCardAtOnce() {
    in("alfa");
    in("beta");
    registries.names.put("alfa", "Comando di Alfa");
    registries.names.put("beta", "Comando di Beta");
    cards.changed(new PublicRegistry.Changed(TenantId.of("alfa")));
    assertThat(in("alfa").registry().officialName()).isEqualTo("Comando di Alfa");
    assertThat(in("beta").registry().officialName()).isEqualTo("Polizia Locale di Beta");
  }

  @Test
  void withoutATenantThereIsNoCard() {
    assertThatThrownBy(cards::current).isInstanceOf(NoTenantException.class);
  }
}
