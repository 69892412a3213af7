package it.ksanctions.permissions.domain;

/**
 * Which records a role's users see (PRM-6), on top of what their permissions let them do: the four
 * predefined policies of seed §11.3 "Policy di visibilità dei dati".
 */
public enum VisibilityScope {
  /**
   * Only records the user registered ("gli agenti … solo i preavvisi da loro stessi registrati").
   */
  OWN_RECORDS("Solo i propri record", true),
  /** Records of the user's department ("gli istruttori … del proprio reparto"). */
  OWN_DEPARTMENT("Record del proprio reparto", true),
  /** Every record of the command ("i responsabili … tutte le infrazioni del comando"). */
  WHOLE_COMMAND("Tutti i record del comando", true),
  /** Every record, read only, never exported ("gli auditor … senza funzioni di esportazione"). */
  READ_ONLY_NO_EXPORT("Tutti i record in sola lettura, senza esportazione", false);

  private final String italianLabel;
  private final boolean allowsExport;

  VisibilityScope(String italianLabel, boolean allowsExport) {
    this.italianLabel = italianLabel;
    this.allowsExport = allowsExport;
  }

  public String italianLabel() {
    return italianLabel;
  }

  /** Whether records seen under this scope may be exported (given the export permission). */
  public boolean allowsExport() {
    return allowsExport;
  }
}
