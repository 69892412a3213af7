package it.ksanctions.articles.domain;

import java.util.List;

/**
 * The outcome of reading an import file of article versions (SPEC ART-3): either every row is valid
 * and {@link #versions} holds them all, or {@link #problems} lists what is wrong and nothing may be
 * imported (all-or-nothing; SPEC ART-8 "import error ... with row").
 *
 * @param descriptions the description of each version, same order as {@code versions}
 * @param legalSources the legal source of each version, same order as {@code versions}
 * @param particulars the short description, licence points and operating notes of each version,
 *     same order as {@code versions}
 */
public record ArticleImport(
    List<ArticleVersion> versions,
    List<String> descriptions,
    List<String> legalSources,
    List<ArticleParticulars> particulars,
    List<ImportProblem> problems) {

  public ArticleImport {
    versions = List.copyOf(versions);
    descriptions = List.copyOf(descriptions);
    legalSources = List.copyOf(legalSources);
    particulars = List.copyOf(particulars);
    problems = List.copyOf(problems);
    if (particulars.isEmpty() && !descriptions.isEmpty()) {
      particulars = descriptions.stream().map(ArticleParticulars::fromDescription).toList();
    }
  }

  /** An import whose versions carry no particulars of their own (short description derived). */
  public ArticleImport(
      List<ArticleVersion> versions,
      List<String> descriptions,
      List<String> legalSources,
      List<ImportProblem> problems) {
    this(versions, descriptions, legalSources, List.of(), problems);
  }

  /** Whether the file can be imported: no problem at all. */
  public boolean acceptable() {
    return problems.isEmpty();
  }

  public static ArticleImport rejected(List<ImportProblem> problems) {
    return new ArticleImport(List.of(), List.of(), List.of(), List.of(), problems);
  }
}
