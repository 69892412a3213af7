package archfixture.places.infrastructure;

public class PlaceRow {}
