package it.ksanctions.web.backoffice;

import io.undertow.server.HandlerWrapper;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.util.regex.Pattern;

/**
 * Marks requests to a tenant's back office ({@code /t/<slug>/admin/...}) as requiring
 * authentication, as a security constraint would if URL patterns could say {@code /t/}{@code
 * *}{@code /admin/*}. Installed as an Undertow security wrapper, so it runs on the ORIGINAL request
 * just before the container's authentication step: the OIDC mechanism's redirect to the login page
 * then carries this URL, and the browser comes back to it after login. (A programmatic {@code
 * HttpServletRequest.authenticate()} in a filter does not work with elytron-oidc-client: Undertow
 * answers 500, UT010032; and constraints are not applied to the forwarded {@code /admin/...} path.)
 * Back offices reached by host name ({@code latina.example.it/admin/}) are covered by the
 * constraint in {@code web.xml}.
 */
public class BackOfficeLoginRequired implements ServletExtension {

  static final Pattern BACK_OFFICE = Pattern.compile("^/t/[^/]+/admin(/.*)?$");

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
    String context =
        deployment.getContextPath() == null ? "" : deployment.getContextPath().replaceAll("/$", "");
    deployment.addSecurityWrapper(new LoginRequired(context));
  }

  private record LoginRequired(String context) implements HandlerWrapper {
    @Override
    public HttpHandler wrap(HttpHandler next) {
      return exchange -> {
        String path = exchange.getRequestPath();
        if (path.startsWith(context)
            && BACK_OFFICE.matcher(path.substring(context.length())).matches()) {
          exchange.getSecurityContext().setAuthenticationRequired();
        }
        next.handleRequest(exchange);
      };
    }
  }
}
