package it.ksanctions.places.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import it.ksanctions.places.domain.PlaceCategory;
import it.ksanctions.places.domain.PlaceImport;
import it.ksanctions.places.domain.PlaceLevel;
import it.ksanctions.places.infrastructure.PlaceFileReader.Format;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaceFileReaderTest {

  private final PlaceFileReader reader = new PlaceFileReader(64 * 1024);

  private PlaceImport read(String text, Format format) {
    return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
  }

  @Test
  void csvRowsAndProblemsByRowAndColumn() {
    PlaceImport ok =
        read(
            "codice;nome;categoria;livello;codice_superiore;latitudine;longitudine;zona;limite_velocita\n"
                + "VR-001;Via Roma;Strada;;Z1;41,4680;12,9040;CENTRO;\n"
                + "AV-1;Autovelox SS148;AUTOMATIC_POINT;Luogo;Z1;41.44;12.88;;90\n",
            Format.CSV);
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.rows()).extracting(PlaceImport.Row::code).containsExactly("VR-001", "AV-1");
    assertThat(ok.rows().get(0).data().level()).isEqualTo(PlaceLevel.PLACE);
    assertThat(ok.rows().get(1).data().rule().speedLimitKmh()).isEqualTo(90);

    PlaceImport bad =
        read(
            "codice;nome;categoria;latitudine;longitudine;codice_superiore\n"
                + "VR-001;Via Roma;Strada;141.2;12.9;Z1\n"
                + ";Via Verdi;Fiume;41.2;12.9;Z1\n",
            Format.CSV);
    assertThat(bad.problems())
        .extracting(PlaceImport.Problem::row, PlaceImport.Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "latitudine"),
            org.assertj.core.groups.Tuple.tuple(3L, "codice"),
            org.assertj.core.groups.Tuple.tuple(3L, "categoria"));
    assertThat(read("codice;nome\nX;Y\n", Format.CSV).problems())
        .extracting(PlaceImport.Problem::message)
        .contains("Manca la colonna \"categoria\"");
  }

  @Test
  void geoJsonPointFeatures() {
    PlaceImport ok =
        read(
            """
            {"type": "FeatureCollection", "name": "luoghi", "crs": {"type": "name"},
             "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [12.9040, 41.4680]},
               "properties": {"codice": "VR-001", "nome": "Via Roma", "categoria": "STREET", "codice_superiore": "Z1"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [12.9, 91.0]},
               "properties": {"codice": "VR-002", "nome": "Via Po", "categoria": "STREET", "codice_superiore": "Z1"}},
              {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[12.9, 41.4], [12.8, 41.3]]},
               "properties": {"codice": "VR-003", "nome": "Via Lunga", "categoria": "STREET", "codice_superiore": "Z1"}}
             ]}""",
            Format.GEOJSON);
    assertThat(ok.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("VR-001");
              assertThat(r.data().coordinates().latitude()).isEqualByComparingTo("41.468");
              assertThat(r.data().category()).isEqualTo(PlaceCategory.STREET);
            });
    assertThat(ok.problems()).extracting(PlaceImport.Problem::row).containsExactly(2L, 3L);
    assertThat(read("{\"type\": \"Feature\"}", Format.GEOJSON).problems().get(0).message())
        .contains("FeatureCollection");
    assertThat(
            read("{\"type\": \"FeatureCollection\", \"features\": [", Format.GEOJSON)
                .problems()
                .get(0)
                .message())
        .startsWith("GeoJSON non valido");
  }

  @Test
  void kmlPlacemarks() {
    PlaceImport ok =
        read(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
              <Placemark><name>Varco ZTL Corso Matteotti</name>
                <ExtendedData><Data name="codice"><value>VZ-01</value></Data>
                  <Data name="categoria"><value>Varco</value></Data>
                  <Data name="codice_superiore"><value>Z1</value></Data>
                  <Data name="ztl"><value>sì</value></Data>
                  <Data name="fascia_dalle"><value>20:00</value></Data>
                  <Data name="fascia_alle"><value>6:00</value></Data></ExtendedData>
                <Point><coordinates>12.9050,41.4670,0</coordinates></Point></Placemark>
            </Document></kml>""",
            Format.KML);
    assertThat(ok.problems()).isEmpty();
    assertThat(ok.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.data().name()).isEqualTo("Varco ZTL Corso Matteotti");
              assertThat(r.data().rule().ztlAccess()).isTrue();
              assertThat(r.data().coordinates().longitude()).isEqualByComparingTo("12.905");
            });
  }

  @Test
  void hostileXmlIsRefused() {
    String externalEntity =
        """
        <?xml version="1.0"?>
        <!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <kml><Document><Placemark><name>&xxe;</name>
        <Point><coordinates>12.9,41.4</coordinates></Point></Placemark></Document></kml>""";
    assertThat(read(externalEntity, Format.KML).rows()).isEmpty();
    assertThat(read(externalEntity, Format.KML).problems().get(0).message()).contains("DTD");
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <kml><Document><Placemark><name>&lol2;</name></Placemark></Document></kml>""";
    assertThat(read(laughs, Format.KML).problems().get(0).message()).contains("KML rifiutato");
    assertThat(read("<kml><Document><Placemark>", Format.KML).problems().get(0).message())
        .startsWith("KML non valido");
  }

  @Test
  void encodingSizeAndEmptiness() {
    byte[] latin1 =
        "codice;nome;categoria;latitudine;longitudine\nVR;Città;Strada;41;12\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(
            reader.read(new ByteArrayInputStream(latin1), Format.CSV).problems().get(0).message())
        .isEqualTo("Il file non è in UTF-8");
    byte[] big =
        ("codice;nome;categoria;latitudine;longitudine\n" + "X;Y;Strada;41;12\n".repeat(5000))
            .getBytes(StandardCharsets.UTF_8);
    assertThat(reader.read(new ByteArrayInputStream(big), Format.CSV).problems().get(0).message())
        .startsWith("Il file supera la dimensione massima");
    assertThat(read("", Format.CSV).problems()).isNotEmpty();
    assertThat(Format.ofFileName("luoghi.GeoJSON")).contains(Format.GEOJSON);
    assertThat(Format.ofFileName("luoghi.xls")).isEmpty();
  }
}
