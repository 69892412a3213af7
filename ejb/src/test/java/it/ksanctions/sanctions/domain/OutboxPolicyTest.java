package it.ksanctions.sanctions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxPolicyTest {

  static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void backOffDoublesUpToHalfAnHour() {
    assertThat(OutboxPolicy.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(OutboxPolicy.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(OutboxPolicy.backoff(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(OutboxPolicy.backoff(30)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void permanentFailuresAndTheLastAttemptAreDeadLetters() {
    assertThat(OutboxPolicy.afterFailure(1, true, null, NOW).dead()).isTrue();
    assertThat(OutboxPolicy.afterFailure(OutboxPolicy.MAX_ATTEMPTS, false, null, NOW).dead())
        .isTrue();
    var next = OutboxPolicy.afterFailure(2, false, null, NOW);
    assertThat(next.dead()).isFalse();
    assertThat(next.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void aLongerRetryAfterIsHonoured() {
    assertThat(OutboxPolicy.afterFailure(1, false, Duration.ofSeconds(90), NOW).nextAttemptAt())
        .isEqualTo(NOW.plusSeconds(90));
    assertThat(OutboxPolicy.afterFailure(1, false, Duration.ofHours(5), NOW).nextAttemptAt())
        .isEqualTo(NOW.plus(OutboxPolicy.MAX_DELAY));
  }

  @Test
  void theCircuitOpensAtTheThreshold() {
    assertThat(OutboxPolicy.opens(OutboxPolicy.CIRCUIT_THRESHOLD - 1)).isFalse();
    assertThat(OutboxPolicy.opens(OutboxPolicy.CIRCUIT_THRESHOLD)).isTrue();
  }
}
