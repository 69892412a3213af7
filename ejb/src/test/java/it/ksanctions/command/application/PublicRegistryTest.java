package it.ksanctions.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.domain.BodyKind;
import it.ksanctions.command.domain.CommandRegistry;
import it.ksanctions.tenancy.context.NoTenantException;
import it.ksanctions.tenancy.context.TenantContext;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's registry card kept per tenant: never another tenant's, fresh for 60 s, evicted. */
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

  final Registries registries = new Registries();
  final PublicRegistry cards = new PublicRegistry();
  Instant now = Instant.parse("2026-12-03T10:00:00Z");

  @BeforeEach
  void wire() {
    registries.names.put("alfa", "Polizia Locale di Alfa");
    registries.names.put("beta", "Polizia Locale di Beta");
    cards.administration = registries;
    cards.clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
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
  void aCardIsReadAgainAfterSixtySecondsOrAtOnceWhenItsRegistryChanged() {
    in("alfa");
    registries.names.put("alfa", "Corpo di Polizia Locale di Alfa");
    now = now.plus(Duration.ofSeconds(59));
    assertThat(in("alfa").registry().officialName()).isEqualTo("Polizia Locale di Alfa");
    now = now.plus(Duration.ofSeconds(1));
    assertThat(in("alfa").registry().officialName()).isEqualTo("Corpo di Polizia Locale di Alfa");
    assertThat(registries.reads).containsEntry("alfa", 2);

    in("beta");
    registries.names.put("alfa", "Comando di Alfa");
    registries.names.put("beta", "Comando di Beta");
    cards.changed(new PublicRegistry.Changed(TenantId.of("alfa")));
    assertThat(in("alfa").registry().officialName()).isEqualTo("Comando di Alfa");
    // another tenant's change drops only that tenant's card
    assertThat(in("beta").registry().officialName()).isEqualTo("Polizia Locale di Beta");
  }

  @Test
  void withoutATenantThereIsNoCard() {
    assertThatThrownBy(cards::current).isInstanceOf(NoTenantException.class);
  }
}
