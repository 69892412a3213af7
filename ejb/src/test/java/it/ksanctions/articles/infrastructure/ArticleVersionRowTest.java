package it.ksanctions.articles.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleChange;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleVersionRowTest {

  static final ArticleChange CHANGE =
      new ArticleChange(
          "admin.latina",
          Instant.parse("2026-11-23T10:00:00Z"),
          true,
          "Delibera di Giunta",
          "DGC 12/2026");

  @Test
  void theGiuntasReducedAmountIsStoredAndReadBack() {
    ArticleVersion version =
        ArticleVersion.ofLocalRegulation(
            ArticleCode.local("REG.ZTL1"),
            new BigDecimal("80"),
            new BigDecimal("320"),
            new BigDecimal("100"),
            Set.of(),
            LocalDate.of(2027, 1, 1),
            null);

    ArticleVersionRow row = ArticleVersionRow.of(version, "Accesso ZTL", "ZTL", true, CHANGE);

    assertThat(row.getMunicipalReducedAmount()).isEqualByComparingTo("100.00");
    assertThat(row.isNightIncrease()).isFalse();
    assertThat(row.toDomain()).isEqualTo(version);
    assertThat(row.toDomain().municipalReducedPayment()).hasValue(new BigDecimal("100.00"));
  }

  @Test
  void withoutAnAmountTheRowHasNoneAndHighwayCodeRowsNeverHaveOne() {
    ArticleVersion local =
        ArticleVersion.ofLocalRegulation(
            ArticleCode.local("REG.ZTL2"),
            new BigDecimal("80"),
            new BigDecimal("320"),
            null,
            Set.of(),
            LocalDate.of(2027, 1, 1),
            null);
    ArticleVersion highwayCode =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("142c9"),
            new BigDecimal("543"),
            new BigDecimal("2170"),
            Set.of(AccessorySanction.LICENCE_SUSPENSION),
            LocalDate.of(2021, 1, 1),
            null);

    ArticleVersionRow localRow = ArticleVersionRow.of(local, "ZTL", "ZTL", true, CHANGE);
    ArticleVersionRow highwayRow =
        ArticleVersionRow.of(highwayCode, "Velocità", "Velocità", false, CHANGE);

    assertThat(localRow.getMunicipalReducedAmount()).isNull();
    assertThat(localRow.toDomain()).isEqualTo(local);
    assertThat(highwayRow.getMunicipalReducedAmount()).isNull();
    assertThat(highwayRow.toDomain()).isEqualTo(highwayCode);
    assertThat(highwayRow.toDomain().nightIncreaseApplies()).isTrue();
  }

  @Test
  void shortDescriptionPointsAndNotesAreStoredAndPublished() {
    ArticleVersion version =
        ArticleVersion.ofHighwayCode(
            ArticleCode.parse("142c9bis"),
            new BigDecimal("845"),
            new BigDecimal("3382"),
            Set.of(AccessorySanction.LICENCE_SUSPENSION),
            LocalDate.of(2021, 1, 1),
            null);
    ArticleVersionRow row =
        ArticleVersionRow.of(
            version,
            "Eccesso di velocità: superamento dei limiti di oltre 60 km/h",
            new ArticleParticulars("Velocità oltre 60 km/h", 10, "Ritirare la patente"),
            "Velocità",
            false,
            CHANGE);

    assertThat(row.getShortDescription()).isEqualTo("Velocità oltre 60 km/h");
    assertThat(row.getPoints()).isEqualTo(10);
    assertThat(row.toCatalogued().getShortDescription()).isEqualTo("Velocità oltre 60 km/h");
    assertThat(row.toCatalogued().getPoints()).isEqualTo(10);
    assertThat(row.toCatalogued().getOperatingNotes()).isEqualTo("Ritirare la patente");

    ArticleVersionRow plain =
        ArticleVersionRow.of(version, "Velocità oltre 60", "V", false, CHANGE);
    assertThat(plain.getShortDescription()).isEqualTo("Velocità oltre 60");
    assertThat(plain.toCatalogued().getPoints()).isZero();
    assertThat(plain.toCatalogued().getOperatingNotes()).isNull();
  }
}
