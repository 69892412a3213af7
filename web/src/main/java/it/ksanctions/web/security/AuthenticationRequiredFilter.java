package it.ksanctions.web.security;

import it.ksanctions.web.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Answers 401 with a {@code WWW-Authenticate: Bearer} challenge when a protected resource is called
 * without a (valid) token. Without it RESTEasy's role check answers 403 to anonymous callers, which
 * tells a client to give up instead of to authenticate.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isProtected(resource.getResourceMethod(), resource.getResourceClass())) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      request.abortWith(
          Problem.builder(
                  Status.UNAUTHORIZED,
                  "A valid bearer token from the K-Sanctions identity provider is required")
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ksanctions\"")
              .build());
    }
  }

  static boolean isProtected(Method method, Class<?> type) {
    if (method == null || method.isAnnotationPresent(PermitAll.class)) {
      return false;
    }
    return method.isAnnotationPresent(RolesAllowed.class)
        || (type != null && type.isAnnotationPresent(RolesAllowed.class));
  }
}
