package archfixture.articles;

import archfixture.articles.infrastructure.ArticleRow;

/** Web → infrastructure: breaks rule (a). */
public class ArticleView {
  public ArticleRow row = new ArticleRow();
}
