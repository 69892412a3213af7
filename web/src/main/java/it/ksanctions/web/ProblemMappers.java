package it.ksanctions.web;

import it.ksanctions.platform.application.OnboardingFailedException;
import it.ksanctions.platform.application.TenantConflictException;
import it.ksanctions.platform.application.UnknownTenantException;
import it.ksanctions.platform.domain.InvalidRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps the application's exceptions to problem documents: never a stack trace, never a 500 for bad
 * input.
 */
public final class ProblemMappers {

  private ProblemMappers() {}

  @Provider
  public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
      return Problem.response(Status.BAD_REQUEST, "Some fields are not valid", e.errors());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<TenantConflictException> {
    @Override
    public Response toResponse(TenantConflictException e) {
      return Problem.response(Status.CONFLICT, e.getMessage());
    }
  }

  @Provider
  public static class UnknownTenant implements ExceptionMapper<UnknownTenantException> {
    @Override
    public Response toResponse(UnknownTenantException e) {
      return Problem.response(Status.NOT_FOUND, e.getMessage());
    }
  }

  @Provider
  public static class OnboardingFailed implements ExceptionMapper<OnboardingFailedException> {
    @Override
    public Response toResponse(OnboardingFailedException e) {
      return Problem.response(Status.INTERNAL_SERVER_ERROR, e.getMessage());
    }
  }

  /** A rule of the Devices module was broken; nothing changed. */
  @Provider
  public static class DeviceRule
      implements ExceptionMapper<it.ksanctions.devices.domain.DeviceRuleException> {
    @Override
    public Response toResponse(it.ksanctions.devices.domain.DeviceRuleException e) {
      return Problem.response(Status.CONFLICT, e.italianMessage() + " (" + e.rule().code() + ")");
    }
  }

  /** The mobile device is not authorised (unknown, inactive, wrong or revoked credential). */
  @Provider
  public static class DeviceAccessRefused
      implements ExceptionMapper<
          it.ksanctions.devices.application.MobileDeviceGateway.DeviceAccessRefused> {
    @Override
    public Response toResponse(
        it.ksanctions.devices.application.MobileDeviceGateway.DeviceAccessRefused e) {
      return Problem.builder(
              Status.UNAUTHORIZED, "Dispositivo non autorizzato: " + e.getMessage() + ".")
          .header("WWW-Authenticate", "Device realm=\"ksanctions-mobile\"")
          .build();
    }
  }

  /** The Permissions module refused: the user may not do this (PRM-2). */
  @Provider
  public static class AccessDenied
      implements ExceptionMapper<it.ksanctions.permissions.application.AccessDeniedException> {
    @Override
    public Response toResponse(it.ksanctions.permissions.application.AccessDeniedException e) {
      return Problem.response(Status.FORBIDDEN, e.getMessage());
    }
  }

  /** A rule of the Permissions module was broken; nothing changed. */
  @Provider
  public static class PermissionRule
      implements ExceptionMapper<it.ksanctions.permissions.domain.PermissionRuleException> {
    @Override
    public Response toResponse(it.ksanctions.permissions.domain.PermissionRuleException e) {
      return Problem.response(Status.CONFLICT, e.getMessage() + " (" + e.code() + ")");
    }
  }

  @Provider
  public static class Administration
      implements ExceptionMapper<it.ksanctions.permissions.application.AdministrationException> {
    @Override
    public Response toResponse(it.ksanctions.permissions.application.AdministrationException e) {
      return Problem.response(Status.CONFLICT, e.getMessage());
    }
  }

  @Provider
  public static class UsernameTaken
      implements ExceptionMapper<
          it.ksanctions.permissions.application.StaffAccounts.UsernameTakenException> {
    @Override
    public Response toResponse(
        it.ksanctions.permissions.application.StaffAccounts.UsernameTakenException e) {
      return Problem.response(Status.CONFLICT, e.getMessage());
    }
  }

  /** The identity provider did not answer: nothing was saved, the client may retry. */
  @Provider
  public static class IdentityProvider
      implements ExceptionMapper<it.ksanctions.platform.infrastructure.IdentityProviderException> {
    @Override
    public Response toResponse(it.ksanctions.platform.infrastructure.IdentityProviderException e) {
      return Problem.response(
          Status.SERVICE_UNAVAILABLE, "The identity provider failed; nothing was saved");
    }
  }

  /** Unreadable bodies (malformed JSON, wrong types) are the client's error. */
  @Provider
  public static class Unreadable implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return Problem.response(
          Status.BAD_REQUEST, "The request body is not valid JSON for this resource");
    }
  }

  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      Status status = Status.fromStatusCode(e.getResponse().getStatus());
      if (status == null) {
        return e.getResponse();
      }
      if (e instanceof NotFoundException) {
        return Problem.response(status, "No such resource");
      }
      if (e.getCause() instanceof ProcessingException || status == Status.BAD_REQUEST) {
        return Problem.response(Status.BAD_REQUEST, "The request is not valid for this resource");
      }
      return Problem.response(status, e.getMessage());
    }
  }

  /** A branding refused (e.g. a colour below WCAG AA): 400 with the Italian explanation. */
  @Provider
  public static class BrandingRule
      implements ExceptionMapper<it.ksanctions.branding.domain.BrandingRuleException> {
    @Override
    public Response toResponse(it.ksanctions.branding.domain.BrandingRuleException e) {
      return Problem.response(Status.BAD_REQUEST, e.italianMessage());
    }
  }
}
