package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** INAD (digital domiciles): {@code GET /inad/extract/{codiceFiscale}?practicalReference=}. */
final class InadSimulator {

  static final String PREFIX = "/inad";

  private record Domicile(String pec, Instant since) {}

  private final PdndSimulator pdnd;
  private final Map<String, Domicile> domiciles = new ConcurrentHashMap<>();

  InadSimulator(PdndSimulator pdnd) {
    this.pdnd = pdnd;
  }

  /** The registered PEC of a tax code, or null. */
  String pecOf(String codiceFiscale) {
    Domicile d = codiceFiscale == null ? null : domiciles.get(codiceFiscale);
    return d == null ? null : d.pec();
  }

  void register(String codiceFiscale, String pec) {
    domiciles.put(codiceFiscale, new Domicile(pec, Instant.now()));
  }

  SimHttp.Response handle(SimHttp.Request request) {
    if (pdnd.clientOf(request.header("authorization")) == null) {
      throw SimHttp.fail(401, "Unauthorized", "Authorization: Bearer <PDND voucher> is required");
    }
    List<String> parts = SimHttp.segments(request.path(), PREFIX);
    if (parts.size() != 2 || !parts.get(0).equals("extract") || !request.method().equals("GET")) {
      throw SimHttp.fail(404, "Not found", "No such INAD resource");
    }
    if (SimHttp.blank(request.query("practicalReference"))) {
      throw SimHttp.fail(400, "Bad request", "practicalReference is required");
    }
    String cf = parts.get(1);
    Domicile d = domiciles.get(cf);
    if (d == null) {
      throw SimHttp.fail(404, "Not found", "No digital domicile for " + cf);
    }
    ObjectNode body = SimHttp.JSON.createObjectNode();
    body.put("codiceFiscale", cf);
    body.put("since", d.since().toString());
    ObjectNode address = body.putArray("digitalAddress").addObject();
    address.put("digitalAddress", d.pec());
    ObjectNode usage = address.putObject("usageInfo");
    usage.put("motivation", "CESSAZIONE_VOLONTARIA");
    usage.putNull("dateEndValidity");
    return SimHttp.Response.json(200, body);
  }

  /** {@code PUT /__control/inad/{codiceFiscale} {"pec": "..."}}, {@code DELETE} removes. */
  SimHttp.Response control(SimHttp.Request request, List<String> parts) {
    if (parts.size() != 1) {
      throw SimHttp.fail(404, "Not found", "No such INAD control resource");
    }
    if (request.method().equals("PUT")) {
      JsonNode body = request.json();
      String pec = SimHttp.text(body, "pec");
      if (SimHttp.blank(pec)) {
        throw SimHttp.fail(400, "Bad request", "pec is required");
      }
      register(parts.get(0), pec);
      return SimHttp.Response.empty(204);
    }
    if (request.method().equals("DELETE")) {
      domiciles.remove(parts.get(0));
      return SimHttp.Response.empty(204);
    }
    throw SimHttp.fail(405, "Method not allowed", "PUT or DELETE");
  }
}
