package it.ksanctions.permissions.api;

import it.ksanctions.permissions.application.PermissionsAdministration;
import it.ksanctions.permissions.application.PermissionsAdministration.CreatedUser;
import it.ksanctions.permissions.application.PermissionsAdministration.NewUser;
import it.ksanctions.permissions.application.PermissionsAdministration.RoleView;
import it.ksanctions.permissions.application.PermissionsAdministration.UserView;
import it.ksanctions.permissions.domain.UserStatus;
import it.ksanctions.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /t/<slug>/api/v1/permissions/...}: the command's staff and roles for integrations (e.g.
 * the HR system). Authorised by the Permissions module like the back office: the token's user must
 * hold the permission (module PERMISSIONS), not only a valid token.
 */
@Path("/v1/permissions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public class StaffResource {

  @Inject PermissionsAdministration administration;

  /** A new staff user; the answer carries the one-time password once (201). */
  public record NewUserJson(
      String username,
      String givenName,
      String surname,
      String codiceFiscale,
      String email,
      String department,
      String role) {}

  /**
   * Creates a staff user and their account (PRM-1). With an {@code Idempotency-Key} header a
   * repeated request answers 200 with the user created the first time, without a password.
   */
  @POST
  @Path("/users")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewUserJson body, @HeaderParam("Idempotency-Key") String key) {
    if (body == null) {
      throw new BadRequestException("A JSON body with the new user is required");
    }
    if (key != null && key.length() > 80) {
      throw new BadRequestException("Idempotency-Key is at most 80 characters");
    }
    CreatedUser created =
        administration.createUser(
            new NewUser(
                body.username(),
                body.givenName(),
                body.surname(),
                body.codiceFiscale(),
                body.email(),
                body.department(),
                body.role()),
            key);
    return Response.status(
            created.temporaryPassword() == null ? Response.Status.OK : Response.Status.CREATED)
        .entity(created)
        .build();
  }

  @GET
  @Path("/users")
  public List<UserView> users(@QueryParam("q") String text, @QueryParam("status") String status) {
    UserStatus wanted;
    try {
      wanted = status == null || status.isBlank() ? null : UserStatus.valueOf(status.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("status must be one of ACTIVE, SUSPENDED, DEACTIVATED");
    }
    return administration.users(text, wanted);
  }

  /** A role for integrations: permissions as codes such as {@code VERBALI:CREATE}. */
  public record RoleJson(
      String code,
      String name,
      boolean predefined,
      String derivedFrom,
      List<String> permissions,
      String visibility,
      long users,
      boolean deleted) {

    static RoleJson of(RoleView role) {
      return new RoleJson(
          role.code(),
          role.name(),
          role.predefined(),
          role.derivedFrom(),
          role.permissions().stream().map(p -> p.code()).toList(),
          role.scope().name(),
          role.users(),
          role.deleted());
    }
  }

  @GET
  @Path("/roles")
  public List<RoleJson> roles() {
    return administration.roles().stream().map(RoleJson::of).toList();
  }
}
