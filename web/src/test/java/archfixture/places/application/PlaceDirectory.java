package archfixture.places.application;

import archfixture.articles.application.Catalogue;

/** places → articles while articles → places: a cycle (rule b). */
public class PlaceDirectory {
  public Catalogue articles;
}
