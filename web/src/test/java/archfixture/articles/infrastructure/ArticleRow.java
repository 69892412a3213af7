package archfixture.articles.infrastructure;

public class ArticleRow {}
