package it.ksanctions.articles.infrastructure;

import it.ksanctions.shared.TabularExport;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The catalogue as a printable list ({@link TabularExport#pdf}): A4 landscape, the command's name
 * and the date in the title, one row per version, the header repeated on every page.
 */
public final class ArticlePdf {

  /** One width per column of {@code ArticleAdministration.HEADERS}, in the same order. */
  private static final float[] WIDTHS = {6, 16, 7, 5, 5, 5, 4, 8, 5, 6, 6, 13, 10, 4, 12};

  /** The amounts and the points. */
  private static final Set<Integer> RIGHT_ALIGNED = Set.of(3, 4, 5, 13);

  private ArticlePdf() {}

  public static byte[] render(
      List<ArticleVersionRow> rows,
      String commandName,
      String[] headers,
      Function<ArticleVersionRow, String[]> cells) {
    return TabularExport.pdf(
        "Catalogo degli articoli",
        "Catalogo degli articoli — " + (commandName == null ? "" : commandName),
        rows.size() + " versioni",
        headers,
        WIDTHS,
        RIGHT_ALIGNED,
        rows.stream().map(cells).toList());
  }
}
