package it.ksanctions.web;

import it.ksanctions.platform.application.OnboardingFailedException;
import it.ksanctions.platform.application.TenantConflictException;
import it.ksanctions.platform.application.UnknownTenantException;
import it.ksanctions.shared.InvalidRequestException;
import it.ksanctions.shared.RuleViolation;
import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;

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
          it.ksanctions.identity.application.StaffAccounts.UsernameTakenException> {
    @Override
    public Response toResponse(
        it.ksanctions.identity.application.StaffAccounts.UsernameTakenException e) {
      return Problem.response(Status.CONFLICT, e.getMessage());
    }
  }

  /** The identity provider did not answer: nothing was saved, the client may retry. */
  @Provider
  public static class IdentityProvider
      implements ExceptionMapper<it.ksanctions.identity.application.IdentityProviderException> {
    @Override
    public Response toResponse(it.ksanctions.identity.application.IdentityProviderException e) {
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

  /**
   * Any other failure: a broken rule of any context ({@link RuleViolation}, also when an EJB
   * wrapped it) is a 400 for a malformed request, a 404 for something the tenant does not have or a
   * 409 for a refusal in the current state, with the Italian message and the rule's code; anything
   * else is a 500 problem without internals, logged here.
   */
  @Provider
  public static class Rule implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(Rule.class);

    @Context Providers providers;

    @Override
    public Response toResponse(RuntimeException e) {
      Optional<RuleViolation> violation = Refusals.ruleViolationIn(e);
      if (violation.isPresent()) {
        Status status =
            switch (violation.get().kind()) {
              case INVALID_INPUT -> Status.BAD_REQUEST;
              case NOT_FOUND -> Status.NOT_FOUND;
              case CONFLICT -> Status.CONFLICT;
            };
        return Problem.response(status, Refusals.problemDetail(violation.get()));
      }
      if (e instanceof EJBAccessException) {
        return Problem.response(Status.FORBIDDEN, "Not allowed");
      }
      Optional<Response> byCause = mappedCause(e);
      if (byCause.isPresent()) {
        return byCause.get();
      }
      Optional<Response> own = ownResponse(e);
      if (own.isPresent()) {
        return own.get();
      }
      LOG.error("Request failed", e);
      return Problem.response(
          Status.INTERNAL_SERVER_ERROR, "Errore interno: nessuna modifica è stata salvata.");
    }

    /**
     * A wrapper (an EJB wraps a runtime exception in {@code EJBException}) answers as the first
     * cause that has a mapper of its own, as RESTEasy's unwrapping did before this mapper of every
     * runtime exception existed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Optional<Response> mappedCause(Throwable e) {
      for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
        ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
        if (mapper != null && !(mapper instanceof Rule)) {
          return Optional.ofNullable(mapper.toResponse(cause));
        }
      }
      return Optional.empty();
    }

    /**
     * RESTEasy signals some outcomes with runtime exceptions that carry their response (e.g. the
     * answer to an OPTIONS request, {@code org.jboss.resteasy.spi.Failure#getResponse()}); a mapper
     * of every runtime exception must hand those back unchanged. Read reflectively so the web
     * module needs no RESTEasy SPI at compile time.
     */
    private static Optional<Response> ownResponse(RuntimeException e) {
      try {
        Method getResponse = e.getClass().getMethod("getResponse");
        if (Response.class.isAssignableFrom(getResponse.getReturnType())) {
          return Optional.ofNullable((Response) getResponse.invoke(e));
        }
      } catch (ReflectiveOperationException | RuntimeException notAResponse) {
        // not one of RESTEasy's own outcomes
      }
      return Optional.empty();
    }
  }
}
