package it.ksanctions.devstack;

/** Accounts of the dev realm (devstack/src/main/resources/keycloak/ksanctions-realm.json). */
public final class DevIdentities {

  /** Vendor support staff: realm role platform-admin. */
  public static final String SUPPORT_USER = "assistenza";

  public static final String SUPPORT_PASSWORD = "assistenza-dev";

  private DevIdentities() {}
}
