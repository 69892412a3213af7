package it.ksanctions.it.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.ksanctions.command.infrastructure.CommandSetting;
import it.ksanctions.it.support.Causes;
import it.ksanctions.it.support.Deployments;
import it.ksanctions.it.support.TenantProbe;
import it.ksanctions.it.support.TestStack;
import it.ksanctions.platform.application.TenantOnboarding;
import it.ksanctions.platform.domain.OnboardingRequest;
import it.ksanctions.tenancy.context.NoTenantException;
import it.ksanctions.tenancy.context.TenantId;
import it.ksanctions.tenancy.context.TenantScope;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation test every tenancy change must keep passing (SPEC PLT-2; STYLE, after Hibernate's
 * AbstractSchemaBasedMultiTenancyTest): two tenants, the same primary key in both, second-level
 * cache on; each tenant sees only its own row, through JPA and through HTTP. Also proves that
 * multi-tenancy is really active (the fail-open trap) and that a statement naming another tenant's
 * schema is refused by the database.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {

  static final String ALFA = "iso-alfa";
  static final String BETA = "iso-beta";
  static final String NOTICE_ALFA = "Avviso del comando Alfa: ufficio chiuso il 2 gennaio";
  static final String NOTICE_BETA = "Avviso del comando Beta: nuovi orari dello sportello";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.shared();
  }

  @Inject TenantOnboarding onboarding;
  @Inject TenantProbe probe;

  @BeforeEach
  void tenants() {
    if (onboarding == null) {
      return; // client-side test method
    }
    onboarding.onboard(
        OnboardingRequest.validated(
            ALFA, "Comune di Alfa", "COMUNE", "00097020598", null, List.of()));
    onboarding.onboard(
        OnboardingRequest.validated(
            BETA, "Comune di Beta", "COMUNE", "00514490010", null, List.of()));
  }

  @Test
  @Order(1)
  void multiTenancyIsReallyActive() {
    assertThat(probe.multiTenancyEnabled()).as("Hibernate multi-tenancy enabled").isTrue();
    assertThat(probe.secondLevelCacheEnabled()).as("second-level cache enabled").isTrue();
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      assertThat(probe.schemaAndRole()).isEqualTo("t_iso_alfa/t_iso_alfa");
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      assertThat(probe.schemaAndRole()).isEqualTo("t_iso_beta/t_iso_beta");
    }
    // No tenant, no data: there is no default schema to fall back to.
    assertThatThrownBy(() -> probe.read(CommandSetting.HOME_NOTICE))
        .satisfies(e -> assertThat(Causes.of(e)).anyMatch(NoTenantException.class::isInstance));
  }

  @Test
  @Order(2)
  void samePrimaryKeyInTwoTenantsWithSecondLevelCache() {
    String key = CommandSetting.HOME_NOTICE;
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      probe.write(key, NOTICE_ALFA);
    }
    try (TenantScope scope = TenantScope.enter(TenantId.of(BETA))) {
      probe.write(key, NOTICE_BETA);
    }
    probe.evictAll();
    // Read alternately until each tenant has been served from the second-level cache at least
    // once; every read, from the cache or not, must return the tenant's own row.
    java.util.Set<String> servedFromCache = new java.util.HashSet<>();
    for (int round = 0; round < 10 && servedFromCache.size() < 2; round++) {
      for (String slug : List.of(ALFA, BETA)) {
        try (TenantScope scope = TenantScope.enter(TenantId.of(slug))) {
          long hits = probe.secondLevelCacheHits();
          assertThat(probe.read(key)).isEqualTo(slug.equals(ALFA) ? NOTICE_ALFA : NOTICE_BETA);
          if (probe.secondLevelCacheHits() > hits) {
            servedFromCache.add(slug);
          }
        }
      }
    }
    assertThat(servedFromCache)
        .as("tenants whose row was read from the cache")
        .containsExactlyInAnyOrder(ALFA, BETA);
  }

  @Test
  @Order(3)
  void anotherTenantsSchemaNamedExplicitlyIsPermissionDenied() {
    try (TenantScope scope = TenantScope.enter(TenantId.of(ALFA))) {
      assertThatThrownBy(() -> probe.readForeignTable("t_iso_beta.command_setting"))
          .satisfies(
              e ->
                  assertThat(Causes.of(e))
                      .anyMatch(c -> String.valueOf(c.getMessage()).contains("permission denied")));
    }
  }

  @Test
  @Order(4)
  @RunAsClient
  void eachTenantPageShowsItsOwnRow() throws Exception {
    HttpResponse<String> alfa = TestStack.get("/t/" + ALFA + "/");
    HttpResponse<String> beta = TestStack.get("/t/" + BETA + "/");
    assertThat(alfa.statusCode()).isEqualTo(200);
    assertThat(beta.statusCode()).isEqualTo(200);
    assertThat(alfa.body())
        .contains("Comune di Alfa", NOTICE_ALFA)
        .doesNotContain(NOTICE_BETA, "Comune di Beta");
    assertThat(beta.body())
        .contains("Comune di Beta", NOTICE_BETA)
        .doesNotContain(NOTICE_ALFA, "Comune di Alfa");
  }
}
