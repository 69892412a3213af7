package it.ksanctions.places.infrastructure;

import it.ksanctions.places.domain.Coordinates;
import it.ksanctions.places.domain.PlaceImport;
import it.ksanctions.places.domain.PlaceRuleException;
import jakarta.json.stream.JsonParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Reads places from CSV, GeoJSON or KML (PLC-3), streaming, with every problem reported by row (or
 * feature / placemark number) and field; the caller imports only a file without problems. KML is
 * read with DTDs and external entities switched off: a file that declares a DTD (the vehicle of
 * external-entity and entity-expansion attacks) is refused as a whole.
 */
public final class PlaceFileReader {

  /** The formats, told by the file name's extension. */
  public enum Format {
    CSV,
    GEOJSON,
    KML;

    public static Optional<Format> ofFileName(String name) {
      String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".csv")) return Optional.of(CSV);
      if (lower.endsWith(".geojson") || lower.endsWith(".json")) return Optional.of(GEOJSON);
      if (lower.endsWith(".kml")) return Optional.of(KML);
      return Optional.empty();
    }
  }

  private final long maxBytes;

  public PlaceFileReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public PlaceImport read(InputStream in, Format format) {
    BoundedInputStream bounded;
    try {
      bounded = BoundedInputStream.builder().setInputStream(in).setMaxCount(maxBytes + 1).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      PlaceImport result =
          switch (format) {
            case CSV -> csv(bounded);
            case GEOJSON -> geoJson(bounded);
            case KML -> kml(bounded);
          };
      if (bounded.getCount() > maxBytes) {
        return tooBig();
      }
      if (result.rows().isEmpty() && result.problems().isEmpty()) {
        return PlaceImport.rejected("Il file non contiene luoghi da importare");
      }
      return result;
    } catch (MalformedInputException e) {
      return PlaceImport.rejected("Il file non è in UTF-8");
    } catch (IOException e) {
      if (bounded.getCount() > maxBytes) {
        return tooBig();
      }
      return PlaceImport.rejected("Il file non è leggibile: " + e.getMessage());
    }
  }

  private PlaceImport tooBig() {
    return PlaceImport.rejected(
        "Il file supera la dimensione massima di " + maxBytes / 1024 + " KiB");
  }

  private static Reader utf8(InputStream in) throws IOException {
    return new InputStreamReader(
        BOMInputStream.builder().setInputStream(new BufferedInputStream(in)).get(),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private PlaceImport csv(InputStream in) throws IOException {
    List<PlaceImport.Row> rows = new ArrayList<>();
    List<PlaceImport.Problem> problems = new ArrayList<>();
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(utf8(in))
            .setFormat(
                CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get())
            .get()) {
      Map<String, Integer> header = new HashMap<>();
      parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
      for (String required :
          List.of(
              PlaceFields.CODE,
              PlaceFields.NAME,
              PlaceFields.CATEGORY,
              PlaceFields.LATITUDE,
              PlaceFields.LONGITUDE)) {
        if (!header.containsKey(required)) {
          problems.add(
              new PlaceImport.Problem(1, required, "Manca la colonna \"" + required + "\""));
        }
      }
      if (!problems.isEmpty()) {
        return new PlaceImport(List.of(), problems);
      }
      for (CSVRecord record : parser) {
        long number = record.getRecordNumber() + 1;
        Map<String, String> fields = new HashMap<>();
        header.forEach(
            (name, index) -> fields.put(name, index < record.size() ? record.get(index) : null));
        PlaceFields.toRow(number, fields, null, problems).ifPresent(rows::add);
      }
    } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      if (e.getCause() instanceof MalformedInputException m) {
        throw m;
      }
      return PlaceImport.rejected("Il file non è un CSV leggibile: " + e.getMessage());
    }
    return new PlaceImport(rows, problems);
  }

  /** A FeatureCollection of Point features; properties named as the CSV columns. */
  private PlaceImport geoJson(InputStream in) throws IOException {
    List<PlaceImport.Row> rows = new ArrayList<>();
    List<PlaceImport.Problem> problems = new ArrayList<>();
    try (JsonParser parser = jakarta.json.Json.createParser(utf8(in))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return PlaceImport.rejected("GeoJSON non valido: atteso un oggetto FeatureCollection");
      }
      boolean collection = false;
      long number = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.KEY_NAME && "type".equals(parser.getString())) {
          parser.next();
          collection = "FeatureCollection".equals(parser.getString());
        } else if (event == JsonParser.Event.KEY_NAME && "features".equals(parser.getString())) {
          if (parser.next() != JsonParser.Event.START_ARRAY) {
            return PlaceImport.rejected("GeoJSON non valido: \"features\" non è un elenco");
          }
          while (parser.next() == JsonParser.Event.START_OBJECT) {
            number++;
            jakarta.json.JsonObject feature = parser.getObject();
            readFeature(number, feature, rows, problems);
          }
        } else if (event == JsonParser.Event.START_OBJECT) {
          parser.skipObject();
        } else if (event == JsonParser.Event.START_ARRAY) {
          parser.skipArray();
        }
      }
      if (!collection) {
        return PlaceImport.rejected("GeoJSON non valido: il tipo deve essere FeatureCollection");
      }
    } catch (jakarta.json.JsonException | ClassCastException | IllegalStateException e) {
      if (e.getCause() instanceof MalformedInputException m) {
        throw m;
      }
      return PlaceImport.rejected("GeoJSON non valido: " + e.getMessage());
    }
    return new PlaceImport(rows, problems);
  }

  private static void readFeature(
      long number,
      jakarta.json.JsonObject feature,
      List<PlaceImport.Row> rows,
      List<PlaceImport.Problem> problems) {
    jakarta.json.JsonObject geometry = feature.getJsonObject("geometry");
    if (geometry == null || !"Point".equals(geometry.getString("type", null))) {
      problems.add(
          new PlaceImport.Problem(number, "geometry", "Geometria mancante o diversa da Point"));
      return;
    }
    jakarta.json.JsonArray position = geometry.getJsonArray("coordinates");
    Coordinates coordinates;
    try {
      coordinates =
          new Coordinates(
              position.getJsonNumber(1).bigDecimalValue(),
              position.getJsonNumber(0).bigDecimalValue());
    } catch (PlaceRuleException e) {
      problems.add(new PlaceImport.Problem(number, "geometry", e.italianMessage()));
      return;
    } catch (RuntimeException e) {
      problems.add(
          new PlaceImport.Problem(
              number, "geometry", "Coordinate non leggibili: servono [longitudine, latitudine]"));
      return;
    }
    Map<String, String> fields = new HashMap<>();
    jakarta.json.JsonObject properties = feature.getJsonObject("properties");
    if (properties != null) {
      properties.forEach(
          (k, v) ->
              fields.put(
                  k.toLowerCase(Locale.ROOT),
                  v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
    }
    PlaceFields.toRow(number, fields, coordinates, problems).ifPresent(rows::add);
  }

  /** KML Placemarks with a Point; fields in ExtendedData/Data, the name in name. */
  private PlaceImport kml(InputStream in) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    List<PlaceImport.Row> rows = new ArrayList<>();
    List<PlaceImport.Problem> problems = new ArrayList<>();
    XMLStreamReader xml = null;
    try {
      xml = factory.createXMLStreamReader(in);
      long number = 0;
      Map<String, String> fields = null;
      String coordinates = null;
      String dataName = null;
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          return PlaceImport.rejected("KML rifiutato: le dichiarazioni DTD non sono ammesse");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          return PlaceImport.rejected("KML rifiutato: entità XML non ammesse");
        }
        if (event == XMLStreamConstants.START_ELEMENT) {
          text.setLength(0);
          switch (xml.getLocalName()) {
            case "Placemark" -> {
              number++;
              fields = new HashMap<>();
              coordinates = null;
            }
            case "Data" -> dataName = xml.getAttributeValue(null, "name");
            default -> {}
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT && fields != null) {
          switch (xml.getLocalName()) {
            case "name" -> fields.putIfAbsent(PlaceFields.NAME, text.toString().strip());
            case "description" ->
                fields.putIfAbsent(PlaceFields.DESCRIPTION, text.toString().strip());
            case "value" -> {
              if (dataName != null) {
                fields.put(dataName.toLowerCase(Locale.ROOT), text.toString().strip());
              }
            }
            case "coordinates" -> coordinates = text.toString().strip();
            case "Placemark" -> {
              Coordinates at = kmlPoint(number, coordinates, problems);
              if (at != null) {
                PlaceFields.toRow(number, fields, at, problems).ifPresent(rows::add);
              }
              fields = null;
            }
            default -> {}
          }
        }
      }
    } catch (XMLStreamException e) {
      if (e.getCause() instanceof MalformedInputException m) {
        throw m;
      }
      return PlaceImport.rejected("KML non valido: " + e.getMessage());
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // nothing more to read
        }
      }
    }
    return new PlaceImport(rows, problems);
  }

  private static Coordinates kmlPoint(
      long number, String text, List<PlaceImport.Problem> problems) {
    if (text == null || text.isBlank()) {
      problems.add(new PlaceImport.Problem(number, "coordinates", "Punto mancante"));
      return null;
    }
    String[] parts = text.split("\\s+")[0].split(",");
    try {
      return new Coordinates(new BigDecimal(parts[1]), new BigDecimal(parts[0]));
    } catch (PlaceRuleException e) {
      problems.add(new PlaceImport.Problem(number, "coordinates", e.italianMessage()));
    } catch (RuntimeException e) {
      problems.add(
          new PlaceImport.Problem(
              number, "coordinates", "Coordinate non leggibili: servono longitudine,latitudine"));
    }
    return null;
  }
}
