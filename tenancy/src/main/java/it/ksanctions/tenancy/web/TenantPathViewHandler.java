package it.ksanctions.tenancy.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.List;
import java.util.Map;

/**
 * Keeps the {@code /t/<slug>} prefix in the URLs JSF generates (form actions, redirects,
 * bookmarkable links) when the tenant was resolved from the path, so that every postback comes back
 * through {@link TenantResolutionFilter} to the same tenant. Resource URLs stay shared.
 */
public class TenantPathViewHandler extends ViewHandlerWrapper {

  public TenantPathViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public String getActionURL(FacesContext context, String viewId) {
    return withPrefix(context, super.getActionURL(context, viewId));
  }

  @Override
  public String getRedirectURL(
      FacesContext context,
      String viewId,
      Map<String, List<String>> parameters,
      boolean includeViewParams) {
    return withPrefix(
        context, super.getRedirectURL(context, viewId, parameters, includeViewParams));
  }

  @Override
  public String getBookmarkableURL(
      FacesContext context,
      String viewId,
      Map<String, List<String>> parameters,
      boolean includeViewParams) {
    return withPrefix(
        context, super.getBookmarkableURL(context, viewId, parameters, includeViewParams));
  }

  static String withPrefix(String contextPath, String prefix, String url) {
    if (prefix == null || url == null || !url.startsWith(contextPath + "/")) {
      return url;
    }
    if (url.startsWith(contextPath + prefix + "/")) {
      return url;
    }
    return contextPath + prefix + url.substring(contextPath.length());
  }

  private static String withPrefix(FacesContext context, String url) {
    Object prefix =
        context
            .getExternalContext()
            .getRequestMap()
            .get(TenantResolutionFilter.PATH_PREFIX_ATTRIBUTE);
    return withPrefix(context.getExternalContext().getRequestContextPath(), (String) prefix, url);
  }
}
