package it.ksanctions.sanctions.infrastructure;

import it.ksanctions.devices.domain.OutputFormat;
import it.ksanctions.sanctions.domain.SanctionsRuleException;
import it.ksanctions.shared.RuleViolation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a camera file row after row, whatever its format, as named fields (the column names of
 * {@link it.ksanctions.sanctions.domain.CameraRow}): streaming, so a file of any length is read in
 * bounded memory.
 *
 * <ul>
 *   <li>CSV: UTF-8, {@code ;} separated, a header row;
 *   <li>JSON: an array of objects (or {@code {"rilevazioni": [...]}}) with the fields as members;
 *   <li>XML: {@code <rilevazione>} elements with the fields as attributes or child elements; DTDs
 *       and external entities are refused;
 *   <li>Excel: the first sheet, a header row.
 * </ul>
 *
 * A file that cannot be read at all (binary garbage, wrong encoding, malformed syntax) ends the
 * reading with a {@link SanctionsRuleException} naming the row where it broke.
 */
public final class CameraFileReader implements Iterator<Map<String, String>>, Closeable {

  private final Iterator<Map<String, String>> rows;
  private final Closeable resource;
  private int number;

  private CameraFileReader(Iterator<Map<String, String>> rows, Closeable resource) {
    this.rows = rows;
    this.resource = resource;
  }

  /** Opens {@code content} as a file of {@code format}. */
  public static CameraFileReader open(byte[] content, OutputFormat format) {
    try {
      return switch (format) {
        case CSV -> csv(content);
        case JSON -> json(content);
        case XML -> xml(content);
        case EXCEL -> excel(content);
      };
    } catch (IOException | XMLStreamException | RuntimeException e) {
      throw unreadable(0, e);
    }
  }

  /** The number of the last row returned (1 = the first data row). */
  public int rowNumber() {
    return number;
  }

  @Override
  public boolean hasNext() {
    try {
      return rows.hasNext();
    } catch (RuntimeException e) {
      throw unreadable(number + 1, e);
    }
  }

  @Override
  public Map<String, String> next() {
    try {
      Map<String, String> row = rows.next();
      number++;
      return row;
    } catch (NoSuchElementException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(number + 1, e);
    }
  }

  /**
   * The format a file's first bytes show: Excel for a ZIP (xlsx) or an OLE2 document (xls), XML for
   * text starting with {@code <}, JSON for text starting with {@code [} or <code>&#123;</code>, CSV
   * for any other content (then the CSV reader decides whether it can be read). Leading whitespace
   * and a UTF-8 byte order mark are skipped.
   */
  public static OutputFormat apparentFormat(byte[] content) {
    if (content.length >= 4
        && ((content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
            || ((content[0] & 0xFF) == 0xD0
                && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11
                && (content[3] & 0xFF) == 0xE0))) {
      return OutputFormat.EXCEL;
    }
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xFF) == 0xEF
        && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (i < content.length
        && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) {
      i++;
    }
    if (i < content.length && content[i] == '<') {
      return OutputFormat.XML;
    }
    if (i < content.length && (content[i] == '{' || content[i] == '[')) {
      return OutputFormat.JSON;
    }
    return OutputFormat.CSV;
  }

  /** Counts the data rows of a file (for the progress bar), reading it once. */
  public static int count(byte[] content, OutputFormat format) {
    try (CameraFileReader reader = open(content, format)) {
      int n = 0;
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
      return n;
    }
  }

  @Override
  public void close() {
    try {
      resource.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SanctionsRuleException unreadable(int row, Throwable cause) {
    if (cause instanceof SanctionsRuleException refused) {
      return refused;
    }
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (detail.length() > 200) {
      detail = detail.substring(0, 200) + "…";
    }
    return new SanctionsRuleException(
        "sanctions.import.unreadable",
        "Il file non si può leggere"
            + (row > 0 ? " alla riga " + row : "")
            + ": non è nel formato dichiarato dal dispositivo o è danneggiato ("
            + detail
            + ").",
        RuleViolation.Kind.INVALID_INPUT);
  }

  private static Reader utf8(byte[] content) {
    return new InputStreamReader(
        new ByteArrayInputStream(content),
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static CameraFileReader csv(byte[] content) throws IOException {
    CSVParser parser =
        CSVParser.builder()
            .setReader(utf8(content))
            .setFormat(
                CSVFormat.Builder.create(CSVFormat.DEFAULT)
                    .setDelimiter(';')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true)
                    .setTrim(true)
                    .get())
            .get();
    Map<String, Integer> header = parser.getHeaderMap();
    if (header == null
        || header.keySet().stream().noneMatch(h -> h.strip().equalsIgnoreCase("targa"))) {
      parser.close();
      throw new SanctionsRuleException(
          "sanctions.import.columns",
          "Il file CSV non ha la riga di intestazione con le colonne targa;data_ora (e velocita per"
              + " i misuratori di velocità), separate da punto e virgola.",
          RuleViolation.Kind.INVALID_INPUT);
    }
    Iterator<CSVRecord> records = parser.iterator();
    Iterator<Map<String, String>> rows =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return records.hasNext();
          }

          @Override
          public Map<String, String> next() {
            CSVRecord record = records.next();
            Map<String, String> fields = new LinkedHashMap<>();
            header.forEach(
                (name, index) ->
                    fields.put(name, index < record.size() ? record.get(index) : null));
            return fields;
          }
        };
    return new CameraFileReader(rows, parser);
  }

  private static CameraFileReader json(byte[] content) {
    JsonParser parser = jakarta.json.Json.createParser(new ByteArrayInputStream(content));
    // Position at the array of rows: the document itself, or the member "rilevazioni".
    JsonParser.Event first = parser.next();
    if (first == JsonParser.Event.START_OBJECT) {
      boolean found = false;
      while (parser.hasNext()) {
        JsonParser.Event e = parser.next();
        if (e == JsonParser.Event.KEY_NAME && parser.getString().equals("rilevazioni")) {
          found = parser.next() == JsonParser.Event.START_ARRAY;
          break;
        }
      }
      if (!found) {
        throw new JsonParsingException("no array \"rilevazioni\"", parser.getLocation());
      }
    } else if (first != JsonParser.Event.START_ARRAY) {
      throw new JsonParsingException("the document is not an array of rows", parser.getLocation());
    }
    Iterator<Map<String, String>> rows =
        new RowsAhead() {

          @Override
          protected Map<String, String> read() {
            JsonParser.Event e = parser.next();
            if (e == JsonParser.Event.END_ARRAY) {
              return null;
            }
            if (e != JsonParser.Event.START_OBJECT) {
              throw new JsonParsingException("a row is not an object", parser.getLocation());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String key = null;
            while (true) {
              JsonParser.Event f = parser.next();
              switch (f) {
                case END_OBJECT -> {
                  return fields;
                }
                case KEY_NAME -> key = parser.getString();
                case VALUE_STRING, VALUE_NUMBER -> fields.put(key, parser.getString());
                case VALUE_NULL, VALUE_FALSE, VALUE_TRUE -> fields.put(key, null);
                case START_ARRAY -> {
                  StringBuilder list = new StringBuilder();
                  for (JsonParser.Event g = parser.next();
                      g != JsonParser.Event.END_ARRAY;
                      g = parser.next()) {
                    if (g == JsonParser.Event.VALUE_STRING) {
                      list.append(list.isEmpty() ? "" : "|").append(parser.getString());
                    } else {
                      throw new JsonParsingException(
                          "nested value in " + key, parser.getLocation());
                    }
                  }
                  fields.put(key, list.toString());
                }
                default ->
                    throw new JsonParsingException("nested value in " + key, parser.getLocation());
              }
            }
          }
        };
    return new CameraFileReader(rows, parser::close);
  }

  private static CameraFileReader xml(byte[] content) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content), "UTF-8");
    Iterator<Map<String, String>> rows =
        new RowsAhead() {

          @Override
          protected Map<String, String> read() {
            try {
              while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                  throw new XMLStreamException("DTD not allowed");
                }
                if (event == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("rilevazione")) {
                  Map<String, String> fields = new LinkedHashMap<>();
                  for (int i = 0; i < xml.getAttributeCount(); i++) {
                    fields.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                  }
                  int depth = 1;
                  while (depth > 0) {
                    int e = xml.next();
                    if (e == XMLStreamConstants.START_ELEMENT) {
                      if (depth == 1) {
                        String name = xml.getLocalName();
                        fields.put(name, xml.getElementText());
                      } else {
                        depth++;
                      }
                    } else if (e == XMLStreamConstants.END_ELEMENT) {
                      depth--;
                    }
                  }
                  return fields;
                }
              }
              return null;
            } catch (XMLStreamException e) {
              throw new IllegalStateException(e.getMessage(), e);
            }
          }
        };
    return new CameraFileReader(
        rows,
        () -> {
          try {
            xml.close();
          } catch (XMLStreamException e) {
            throw new IOException(e);
          }
        });
  }

  /** A cell's text; a date cell of {@code data_ora} as an ISO date-time. */
  private static String text(Cell cell, String column) {
    if (cell == null) {
      return null;
    }
    if (cell.getType() == CellType.NUMBER && "data_ora".equalsIgnoreCase(column)) {
      return cell.asDate().toString();
    }
    return cell.getText();
  }

  private static CameraFileReader excel(byte[] content) throws IOException {
    ReadableWorkbook workbook =
        new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
    Stream<Row> stream = workbook.getFirstSheet().openStream();
    Iterator<Row> sheet = stream.iterator();
    if (!sheet.hasNext()) {
      stream.close();
      workbook.close();
      return new CameraFileReader(java.util.Collections.emptyIterator(), () -> {});
    }
    Row headerRow = sheet.next();
    String[] header = new String[headerRow.getCellCount()];
    for (int i = 0; i < header.length; i++) {
      Cell cell = headerRow.getCell(i);
      header[i] = cell == null ? null : cell.getRawValue();
    }
    Iterator<Map<String, String>> rows =
        new RowsAhead() {

          @Override
          protected Map<String, String> read() {
            while (sheet.hasNext()) {
              Row row = sheet.next();
              Map<String, String> fields = new LinkedHashMap<>();
              boolean empty = true;
              for (int i = 0; i < header.length; i++) {
                Cell cell = i < row.getCellCount() ? row.getCell(i) : null;
                String value = text(cell, header[i]);
                if (value != null && !value.isBlank()) {
                  empty = false;
                }
                if (header[i] != null) {
                  fields.put(header[i].toLowerCase(Locale.ROOT), value);
                }
              }
              if (!empty) {
                return fields;
              }
            }
            return null;
          }
        };
    return new CameraFileReader(
        rows,
        () -> {
          stream.close();
          workbook.close();
        });
  }

  /** Rows read one ahead: {@link #read()} gives the next row, or null at the end. */
  private abstract static class RowsAhead implements Iterator<Map<String, String>> {
    private Map<String, String> ahead;
    private boolean done;

    protected abstract Map<String, String> read();

    @Override
    public boolean hasNext() {
      if (ahead == null && !done) {
        ahead = read();
        done = ahead == null;
      }
      return ahead != null;
    }

    @Override
    public Map<String, String> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map<String, String> row = ahead;
      ahead = null;
      return row;
    }
  }
}
