package it.ksanctions.tenancy.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

  @AfterEach
  void noTenantLeftBehind() {
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void requireFailsLoudlyOutsideAnyScope() {
    assertThatThrownBy(TenantContext::require).isInstanceOf(NoTenantException.class);
  }

  @Test
  void scopeBindsTheTenantAndTheLoggingContextUntilClosed() {
    try (TenantScope scope = TenantScope.enter(TenantId.of("latina"))) {
      assertThat(TenantContext.require().slug()).isEqualTo("latina");
      assertThat(MDC.get(TenantScope.MDC_KEY)).isEqualTo("latina");
    }
    assertThat(TenantContext.current()).isEmpty();
    assertThat(MDC.get(TenantScope.MDC_KEY)).isNull();
  }

  @Test
  void nestedScopesRestoreTheOuterTenant() {
    try (TenantScope outer = TenantScope.enter(TenantId.of("latina"))) {
      try (TenantScope inner = TenantScope.enter(TenantId.of("torino"))) {
        assertThat(TenantContext.require().slug()).isEqualTo("torino");
      }
      assertThat(TenantContext.require().slug()).isEqualTo("latina");
      assertThat(MDC.get(TenantScope.MDC_KEY)).isEqualTo("latina");
    }
  }

  @Test
  void closingTwiceIsHarmless() {
    TenantScope scope = TenantScope.enter(TenantId.of("latina"));
    scope.close();
    scope.close();
    assertThat(TenantContext.current()).isEmpty();
  }

  @Test
  void otherThreadsDoNotInheritTheTenant() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (TenantScope scope = TenantScope.enter(TenantId.of("latina"))) {
      boolean seenElsewhere =
          CompletableFuture.supplyAsync(() -> TenantContext.current().isPresent(), pool).get();
      assertThat(seenElsewhere).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aScopeMustBeClosedByItsOwnThread() throws Exception {
    TenantScope scope = TenantScope.enter(TenantId.of("latina"));
    try {
      Thread other =
          new Thread(
              () -> assertThatThrownBy(scope::close).isInstanceOf(IllegalStateException.class));
      other.start();
      other.join();
      assertThat(TenantContext.require().slug()).isEqualTo("latina");
    } finally {
      scope.close();
    }
  }
}
