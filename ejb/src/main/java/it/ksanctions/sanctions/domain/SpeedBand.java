package it.ksanctions.sanctions.domain;

import java.util.Optional;

/** The paragraphs of art. 142 CdS by excess over the limit, after the tolerance. */
public enum SpeedBand {
  WITHIN_LIMIT(null, "entro il limite"),
  UP_TO_10("142c7", "oltre il limite di non più di 10 km/h (art. 142 c. 7)"),
  OVER_10_UP_TO_40("142c8", "oltre il limite di più di 10 e non più di 40 km/h (art. 142 c. 8)"),
  OVER_40_UP_TO_60("142c9", "oltre il limite di più di 40 e non più di 60 km/h (art. 142 c. 9)"),
  OVER_60("142c9bis", "oltre il limite di più di 60 km/h (art. 142 c. 9-bis)");

  private final String articleCode;
  private final String italianLabel;

  SpeedBand(String articleCode, String italianLabel) {
    this.articleCode = articleCode;
    this.italianLabel = italianLabel;
  }

  /** The article code of the catalogue that sanctions this band, none within the limit. */
  public Optional<String> articleCode() {
    return Optional.ofNullable(articleCode);
  }

  public String italianLabel() {
    return italianLabel;
  }
}
