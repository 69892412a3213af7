package it.ksanctions.sanctions.domain;

/**
 * The life cycle of a pre-notice: {@link #RECORDED} when received or entered, then {@link
 * #VALIDATED} (it becomes a verbale, issue 14) or {@link #ARCHIVED} with a reason; a manager may
 * restore an archived one to {@link #RECORDED}. Constant names are stored: never rename them.
 */
public enum PreNoticeStatus {
  RECORDED("Registrato"),
  VALIDATED("Validato"),
  ARCHIVED("Archiviato");

  private final String italianLabel;

  PreNoticeStatus(String italianLabel) {
    this.italianLabel = italianLabel;
  }

  public String italianLabel() {
    return italianLabel;
  }
}
