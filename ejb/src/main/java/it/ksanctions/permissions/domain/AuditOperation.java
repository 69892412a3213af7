package it.ksanctions.permissions.domain;

/**
 * The kind of operation an audit event records (PRM-5: "lettura, modifica, validazione,
 * cancellazione, esportazione"). The constant name is part of the audit hash: never rename.
 */
public enum AuditOperation {
  READ("Lettura"),
  CHANGE("Modifica"),
  VALIDATE("Validazione"),
  DELETE("Cancellazione"),
  EXPORT("Esportazione");

  private final String italianLabel;

  AuditOperation(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
