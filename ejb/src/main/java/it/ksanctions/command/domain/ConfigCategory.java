package it.ksanctions.command.domain;

/**
 * The categories of the command's configuration register (seed 001 §11.4 "Gestione dati e
 * tracciabilità": anagrafica, spese, capitoli, documentale, tecnica), with the Italian label the
 * register shows. Constant names are stored: never renamed.
 */
public enum ConfigCategory {
  REGISTRY("Anagrafica"),
  FEES("Spese"),
  CHAPTERS("Capitoli di bilancio"),
  PARAMETERS("Parametri generali"),
  NUMBERING("Numerazione verbali"),
  ORGANISATION("Organizzazione"),
  INTEGRATIONS("Integrazioni (tecnica)"),
  DOCUMENTS("Documentale");

  private final String italianLabel;

  ConfigCategory(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
