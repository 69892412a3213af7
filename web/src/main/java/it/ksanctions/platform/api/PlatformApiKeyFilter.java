package it.ksanctions.platform.api;

import it.ksanctions.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards {@code /api/platform/**} with the platform API key (header {@value #HEADER}) until the
 * identity issue replaces it with the {@code platform-admin} role.
 *
 * <p>There is no default key: without {@code ksanctions.platform.api-key} (environment {@code
 * KSANCTIONS_PLATFORM_API_KEY}) every platform call is refused. The comparison is constant-time.
 */
@Provider
@PreMatching
public class PlatformApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-Platform-Key";

  @Inject
  @ConfigProperty(name = "ksanctions.platform.api-key")
  Optional<String> apiKey;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!(path.equals("platform") || path.startsWith("platform/") || path.startsWith("/platform"))) {
      return;
    }
    if (apiKey.isEmpty() || apiKey.get().isBlank()) {
      request.abortWith(
          Problem.response(Status.UNAUTHORIZED, "The platform API key is not configured on this server"));
      return;
    }
    String given = request.getHeaderString(HEADER);
    if (given == null
        || !MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8))) {
      request.abortWith(
          Problem.response(Status.UNAUTHORIZED, "A valid " + HEADER + " header is required"));
    }
  }
}
