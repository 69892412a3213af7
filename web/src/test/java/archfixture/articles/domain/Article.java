package archfixture.articles.domain;

public class Article {}
