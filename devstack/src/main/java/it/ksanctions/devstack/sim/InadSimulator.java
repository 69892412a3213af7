package it.ksanctions.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registers of digital domiciles reached through PDND: INAD for persons ({@code GET
 * /inad/extract/{codiceFiscale}?practicalReference=}) and INI-PEC for companies and professionals
 * ({@code GET /inipec/{identifier}}, the lookup-PEC e-service's path; its answer here is {@code
 * {"identifier", "pec", "lastUpdate"}}).
 */
final class InadSimulator {

  static final String PREFIX = "/inad";
  static final String INI_PEC_PREFIX = "/inipec";

  private record Domicile(String pec, Instant since) {}

  private final PdndSimulator pdnd;
  private final Map<String, Domicile> domiciles = new ConcurrentHashMap<>();
  private final Map<String, Domicile> companies = new ConcurrentHashMap<>();

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

  void registerCompany(String taxCode, String pec) {
    companies.put(taxCode, new Domicile(pec, Instant.now()));
  }

  /** INI-PEC: the PEC of a company or professional by tax code or VAT number. */
  SimHttp.Response handleIniPec(SimHttp.Request request) {
    requireVoucher(request);
    List<String> parts = SimHttp.segments(request.path(), INI_PEC_PREFIX);
    if (parts.size() != 1 || !request.method().equals("GET")) {
      throw SimHttp.fail(404, "Not found", "No such INI-PEC resource");
    }
    String id = parts.get(0);
    if (!id.matches("\\d{11}|[A-Z0-9]{16}")) {
      throw SimHttp.fail(400, "Bad request", "identifier must be a VAT number or a tax code");
    }
    Domicile d = companies.get(id);
    if (d == null) {
      throw SimHttp.fail(404, "Not found", "No PEC registered for " + id);
    }
    ObjectNode body = SimHttp.JSON.createObjectNode();
    body.put("identifier", id);
    body.put("pec", d.pec());
    body.put("lastUpdate", d.since().toString());
    return SimHttp.Response.json(200, body);
  }

  private void requireVoucher(SimHttp.Request request) {
    if (pdnd.clientOf(request.header("authorization")) == null) {
      throw SimHttp.fail(401, "Unauthorized", "Authorization: Bearer <PDND voucher> is required");
    }
  }

  SimHttp.Response handle(SimHttp.Request request) {
    requireVoucher(request);
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

  /**
   * {@code PUT /__control/inad/{codiceFiscale} {"pec": "..."}} (INAD) or {@code PUT
   * /__control/inipec/{identifier}} (INI-PEC); {@code DELETE} removes.
   */
  SimHttp.Response control(SimHttp.Request request, List<String> parts, boolean iniPec) {
    if (parts.size() != 1) {
      throw SimHttp.fail(404, "Not found", "No such INAD / INI-PEC control resource");
    }
    Map<String, Domicile> register = iniPec ? companies : domiciles;
    if (request.method().equals("PUT")) {
      JsonNode body = request.json();
      String pec = SimHttp.text(body, "pec");
      if (SimHttp.blank(pec)) {
        throw SimHttp.fail(400, "Bad request", "pec is required");
      }
      register.put(parts.get(0), new Domicile(pec, Instant.now()));
      return SimHttp.Response.empty(204);
    }
    if (request.method().equals("DELETE")) {
      register.remove(parts.get(0));
      return SimHttp.Response.empty(204);
    }
    throw SimHttp.fail(405, "Method not allowed", "PUT or DELETE");
  }
}
