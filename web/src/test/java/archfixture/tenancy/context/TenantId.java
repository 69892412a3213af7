package archfixture.tenancy.context;

import archfixture.articles.domain.Article;

/** Tenancy using a context (rule a); stands for the real TenantId's names (rule d). */
public class TenantId {
  public Article article;

  public String schemaName() {
    return "t_demo";
  }
}
