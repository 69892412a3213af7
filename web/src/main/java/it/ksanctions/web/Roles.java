package it.ksanctions.web;

/** Realm roles of the platform's Keycloak realm that the REST layer knows by name. */
public final class Roles {

  /** Vendor support staff. */
  public static final String PLATFORM_ADMIN = "platform-admin";

  /** Any member of a police command; finer rights come from the Permissions module. */
  public static final String STAFF = "staff";

  private Roles() {}
}
