package archfixture.articles.application;

import archfixture.articles.ArticleView;
import archfixture.places.application.PlaceDirectory;

/** Uses the web module (rule a) and, with {@link PlaceDirectory}, closes a cycle (rule b). */
public class Catalogue {
  public ArticleView view;
  public PlaceDirectory places;
}
