package it.ksanctions.articles.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.articles.domain.AccessorySanction;
import it.ksanctions.articles.domain.ArticleCode;
import it.ksanctions.articles.domain.ArticleParticulars;
import it.ksanctions.articles.domain.ArticleVersion;
import it.ksanctions.articles.domain.NightTimeIncrease;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The national catalogue of migrations V14 and V36 (art. 171) as the domain reads it, without a
 * database: every row is a valid version (code, amounts, validity), its night flag is the one art.
 * 195 c. 2-bis gives, its short description and points fit ART-1, and every row names its legal
 * source.
 */
class NationalCatalogueMigrationTest {

  /** One row of the VALUES list: code, category, description, short description, amounts… */
  private static final Pattern ROW =
      Pattern.compile(
          "\\(\\s*'([^']+)',\\s*'[^']+',\\s*'(?:[^']|'')+',\\s*'((?:[^']|'')+)',"
              + "\\s*([0-9.]+),\\s*([0-9.]+),\\s*(true|false),\\s*'([A-Z_,]*)',"
              + "\\s*date '([0-9-]+)',\\s*(?:cast\\(null as date\\)|null|date '([0-9-]+)'),"
              + "\\s*(\\d+),\\s*(?:cast\\(null as text\\)|null|'(?:[^']|'')*'),"
              + "\\s*'((?:[^']|'')+)'\\)");

  record Row(String code, ArticleVersion version, ArticleParticulars particulars, String source) {}

  /** The migrations that add rows to the catalogue. */
  static final List<String> MIGRATIONS =
      List.of("V14__article_points_and_notes.sql", "V36__article_helmet_171.sql");

  static List<Row> rows() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String migration : MIGRATIONS) {
      try (InputStream in =
          NationalCatalogueMigrationTest.class.getResourceAsStream("/db/tenant/" + migration)) {
        all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    }
    String sql = all.toString();
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(sql);
    while (m.find()) {
      ArticleCode code = ArticleCode.parse(m.group(1));
      Set<AccessorySanction> sanctions =
          m.group(6).isEmpty()
              ? EnumSet.noneOf(AccessorySanction.class)
              : Arrays.stream(m.group(6).split(","))
                  .map(AccessorySanction::valueOf)
                  .collect(Collectors.toCollection(() -> EnumSet.noneOf(AccessorySanction.class)));
      ArticleVersion version =
          new ArticleVersion(
              code,
              new BigDecimal(m.group(3)),
              new BigDecimal(m.group(4)),
              Boolean.parseBoolean(m.group(5)),
              sanctions,
              LocalDate.parse(m.group(7)),
              m.group(8) == null ? null : LocalDate.parse(m.group(8)));
      rows.add(
          new Row(
              m.group(1),
              version,
              new ArticleParticulars(
                  m.group(2).replace("''", "'"), Integer.parseInt(m.group(9)), null),
              m.group(10).replace("''", "'")));
    }
    return rows;
  }

  @Test
  void everyRowIsAValidVersionWithTheNightIncreaseTheLawGives() throws IOException {
    List<Row> rows = rows();
    // With the six articles of V2 a new command has at least 40 rows.
    assertThat(rows).hasSizeGreaterThanOrEqualTo(34);
    Set<String> keys = new HashSet<>();
    for (Row row : rows) {
      assertThat(row.code()).as("canonical code").isEqualTo(row.version().code().value());
      assertThat(row.version().code().isHighwayCode()).as(row.code()).isTrue();
      assertThat(row.version().nightIncreaseApplies())
          .as("night increase of %s", row.code())
          .isEqualTo(NightTimeIncrease.appliesByLaw(row.version().code()));
      assertThat(keys.add(row.code() + "@" + row.version().validFrom()))
          .as("unique %s", row.code())
          .isTrue();
      assertThat(row.source())
          .as(row.code())
          .containsAnyOf("DM 31/12/2020", "L. 177/2024", "DL 121/2021");
      assertThat(row.source()).as(row.code()).startsWith("Art. ");
    }
  }

  @Test
  void theCatalogueHasTheArticlesACommandMeetsEveryDay() throws IOException {
    List<Row> rows = rows();
    assertThat(rows)
        .extracting(Row::code)
        .contains(
            "142c9bis",
            "141c8",
            "171c2",
            "7c14",
            "7c15",
            "157c8",
            "158c4bis",
            "158c4bis-moto",
            "146c3",
            "143c11",
            "145c10",
            "149c4",
            "154c7",
            "172c10",
            "173c3",
            "80c14",
            "180c7",
            "116c15",
            "126bisc2",
            "186c2a",
            "188c4",
            "189c5",
            "191",
            "214c8");
    Row speed = rows.stream().filter(r -> r.code().equals("142c9bis")).findFirst().orElseThrow();
    assertThat(speed.particulars().points()).isEqualTo(10);
    assertThat(speed.version().accessorySanctions())
        .containsExactly(AccessorySanction.LICENCE_SUSPENSION);
    assertThat(speed.version().reducedPaymentAllowed()).isFalse();
    Row disabledBay =
        rows.stream().filter(r -> r.code().equals("158c4bis")).findFirst().orElseThrow();
    assertThat(disabledBay.version().validFrom()).isEqualTo(LocalDate.of(2024, 12, 14));
    Row helmet = rows.stream().filter(r -> r.code().equals("171c2")).findFirst().orElseThrow();
    assertThat(helmet.version().minimum()).isEqualByComparingTo("83");
    assertThat(helmet.version().maximum()).isEqualByComparingTo("332");
    assertThat(helmet.particulars().points()).isEqualTo(5);
    assertThat(helmet.version().accessorySanctions())
        .containsExactly(AccessorySanction.ADMINISTRATIVE_STOP);
    assertThat(helmet.version().nightIncreaseApplies()).isFalse();
    assertThat(helmet.source()).contains("Art. 171", "DM 31/12/2020", "multako.com");
    Row stop = rows.stream().filter(r -> r.code().equals("214c8")).findFirst().orElseThrow();
    assertThat(stop.version().reducedPaymentAllowed()).isFalse();
  }
}
