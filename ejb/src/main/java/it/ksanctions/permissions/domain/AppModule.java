package it.ksanctions.permissions.domain;

/**
 * The modules of K-Sanctions on which permissions are granted (PRM-3 "per modulo"), with the
 * Italian label the permission matrix shows.
 *
 * <p>Constant names are stored (permission grants, audit events, the audit hash), so they are never
 * renamed; labels may change freely.
 */
public enum AppModule {
  DEVICES("Dispositivi"),
  PLACES("Luoghi"),
  ARTICLES("Articoli"),
  PERMISSIONS("Permessi"),
  COMMAND("Comando"),
  PRE_NOTICES("Preavvisi"),
  VERBALI("Verbali"),
  NOTIFICATIONS("Notifiche"),
  PAYMENTS("Pagamenti"),
  APPEALS("Ricorsi"),
  PORTAL("Portale del cittadino"),
  AUDIT("Registro di audit"),
  STATISTICS("Statistiche");

  private final String italianLabel;

  AppModule(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
