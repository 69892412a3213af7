package it.ksanctions.portal.domain;

/**
 * What a driver identification is made of (art. 126-bis CdS): the act the driver is named for and
 * the driver's data. Each has its column in a company's CSV of drivers ({@link #csvName()}) and an
 * Italian name for the reports ({@link #label()}).
 */
public enum DriverField {
  ACT_NUMBER("numero_verbale", "Numero del verbale"),
  FULL_NAME("conducente", "Nome e cognome del conducente"),
  DRIVER_TAX_CODE("codice_fiscale", "Codice fiscale del conducente"),
  LICENCE_NUMBER("numero_patente", "Numero della patente"),
  CATEGORY("categoria", "Categoria"),
  ISSUED_ON("data_rilascio", "Data di rilascio"),
  EXPIRES_ON("data_scadenza", "Data di scadenza");

  private final String csvName;
  private final String label;

  DriverField(String csvName, String label) {
    this.csvName = csvName;
    this.label = label;
  }

  /** The column's name in the header of a CSV of drivers. */
  public String csvName() {
    return csvName;
  }

  /** The Italian name shown to users. */
  public String label() {
    return label;
  }
}
