package archfixture.shared;

import archfixture.articles.domain.Article;

/** The shared kernel using a context: breaks rule (a). */
public class TaxCode {
  public Article article;
}
