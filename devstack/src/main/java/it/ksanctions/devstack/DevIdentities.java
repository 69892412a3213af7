package it.ksanctions.devstack;

/** Accounts of the dev realm (devstack/src/main/resources/keycloak/ksanctions-realm.json). */
public final class DevIdentities {

  /** Vendor support staff: realm role platform-admin. */
  public static final String SUPPORT_USER = "assistenza";

  public static final String SUPPORT_PASSWORD = "assistenza-dev";

  /**
   * Demo citizen of the simulated SPID (realm spid-sim, CitizenRealms): the owner of the demo
   * data's acts (plate AB123CD), codice fiscale {@value #SPID_CITIZEN_TAX_CODE}.
   */
  public static final String SPID_CITIZEN_USER = "mario.rossi";

  public static final String SPID_CITIZEN_PASSWORD = "spid-dev-mario";
  public static final String SPID_CITIZEN_TAX_CODE = "RSSMRA85T10A562S";

  /** A second demo citizen (plate EF456GH of the demo data). */
  public static final String SPID_OTHER_USER = "giulia.bianchi";

  public static final String SPID_OTHER_PASSWORD = "spid-dev-giulia";
  public static final String SPID_OTHER_TAX_CODE = "BNCGLI90A41E472J";

  /**
   * The demo rental firm's user of the citizens' realm (CitizenRealms): signs in with username and
   * password to the portal's company area; the owner of two demo acts (DemoData).
   */
  public static final String RENTAL_FIRM_USER = "noleggio.demo";

  public static final String RENTAL_FIRM_PASSWORD = "noleggio-dev";

  /** The demo rental firm's partita IVA, as the demo data give it to the owner of its cars. */
  public static final String RENTAL_FIRM_TAX_CODE = "03123456786";

  public static final String RENTAL_FIRM_NAME = "Noleggi Dimostrativi S.r.l.";

  private DevIdentities() {}
}
