package it.ksanctions.it.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A staff member's bearer token for a test that outlives one: the realm's tokens last five minutes,
 * and a test that starts a second server and imports a large file takes longer than that on a slow
 * machine. The token is asked again from Keycloak once it is a minute old.
 */
public final class StaffToken implements Supplier<String> {

  private static final long FRESH_FOR = Duration.ofMinutes(1).toNanos();

  private final String user;
  private final String password;
  private String token;
  private long takenAt;

  public StaffToken(String user, String password) {
    this.user = user;
    this.password = password;
  }

  @Override
  public synchronized String get() {
    long now = System.nanoTime();
    if (token == null || now - takenAt > FRESH_FOR) {
      token = TestStack.tokens().passwordGrant(user, password);
      takenAt = now;
    }
    return token;
  }
}
