package it.ksanctions.portal;

import it.ksanctions.portal.application.CitizenIdentityProvider.Login;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A login at the citizens' realm in progress, kept in the HTTP session under a key per tenant
 * between the redirect to the realm and its callback (SPID/CIE: {@link SpidAccessServlet}; rental
 * firms: {@link CompanyAccessServlet}). The callback takes it once: it answers only when the
 * callback's {@code state} is the one sent (compared in constant time) within 15 minutes.
 */
record PendingLogin(String state, String nonce, String codeVerifier, String redirectUri, Instant at)
    implements Serializable {

  static final Duration TIMEOUT = Duration.ofMinutes(15);

  /** Keeps {@code login} under {@code key} in a new or the current session. */
  static void keep(HttpServletRequest request, String key, Login login, String redirectUri) {
    request
        .getSession(true)
        .setAttribute(
            key,
            new PendingLogin(
                login.state(), login.nonce(), login.codeVerifier(), redirectUri, Instant.now()));
  }

  /** The login kept under {@code key} (removed: one use only) if the callback's state matches. */
  static Optional<PendingLogin> take(HttpServletRequest request, String key) {
    HttpSession session = request.getSession(false);
    PendingLogin pending = session == null ? null : (PendingLogin) session.getAttribute(key);
    if (session != null) {
      session.removeAttribute(key);
    }
    String state = request.getParameter("state");
    if (pending == null
        || state == null
        || !MessageDigest.isEqual(
            state.getBytes(StandardCharsets.UTF_8),
            pending.state().getBytes(StandardCharsets.UTF_8))
        || pending.at().plus(TIMEOUT).isBefore(Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(pending);
  }
}
