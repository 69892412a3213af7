package it.ksanctions.permissions.domain;

/**
 * What a permission allows inside a module: the eight actions of seed §11.3 "Definizione dei
 * permessi" (PRM-3), with the Italian label the permission matrix shows.
 *
 * <p>{@link #changesData()} separates the actions that write from those that only look or send out:
 * an auditor's role (read-only, PRM-6) may never hold a data-changing action. Deletion is only ever
 * logical ("mai fisica"), hence the name {@link #DELETE_LOGICAL}.
 */
public enum AppAction {
  ACCESS("Accesso al modulo", false),
  CREATE("Creazione", true),
  EDIT("Modifica", true),
  VALIDATE("Validazione / approvazione", true),
  DELETE_LOGICAL("Cancellazione logica", true),
  EXPORT_NOTIFY("Esportazione e notifica", false),
  READ_LOGS("Accesso ai log", false),
  MANAGE_CONFIGURATION("Gestione configurazioni", true);

  private final String italianLabel;
  private final boolean changesData;

  AppAction(String italianLabel, boolean changesData) {
    this.italianLabel = italianLabel;
    this.changesData = changesData;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /**
   * Whether the action writes data or configuration (create, edit, validate, delete, configure).
   */
  public boolean changesData() {
    return changesData;
  }
}
