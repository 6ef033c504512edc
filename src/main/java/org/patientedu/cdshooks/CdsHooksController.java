package org.patientedu.cdshooks;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patientedu.cdshooks.feedback.FeedbackLedger;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.fhirserver.NodeReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /cds-services}: discovery, a hook call, feedback. Written here rather than importing
 * HAPI's {@code CdsHooksController}: that one reads feedback as a single object where CDS Hooks 2.0
 * sends {@code {"feedback": [...]}}, and lets every error become a 500. The calls themselves go to
 * HAPI's registry.
 */
@RestController
@RequestMapping(CdsHooksController.BASE)
class CdsHooksController {

  static final String BASE = "/cds-services";

  private static final byte[] NO_CARDS = "{\"cards\":[]}".getBytes(StandardCharsets.UTF_8);

  private static final Logger log = LoggerFactory.getLogger(CdsHooksController.class);

  private final ICdsServiceRegistry registry;
  private final ObjectMapper cardJson;
  private final HandoutAddresses addresses;
  private final FeedbackReader feedback;
  private final FeedbackLedger ledger;
  private final NodeReadiness readiness;

  CdsHooksController(
      ICdsServiceRegistry registry,
      CdsJson cdsJson,
      HandoutAddresses addresses,
      FeedbackLedger ledger,
      NodeReadiness readiness) {
    this.registry = registry;
    this.cardJson = cdsJson.writer();
    this.addresses = addresses;
    this.feedback = new FeedbackReader(ledger);
    this.ledger = ledger;
    this.readiness = readiness;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> discovery() throws JsonProcessingException {
    return ok(cardJson.writeValueAsBytes(registry.getCdsServicesJson()));
  }

  @PostMapping("/{id}")
  ResponseEntity<byte[]> call(@PathVariable String id, @RequestBody(required = false) byte[] body)
      throws IOException {
    CdsServiceJson service = service(id).orElse(null);
    if (service == null) {
      return unknown(id);
    }
    ObjectNode request = object(body);
    if (request == null) {
      return HookErrors.response(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
    }
    JsonNode hook = request.get("hook");
    if (hook != null && hook.isTextual() && !hook.asText().equals(service.getHook())) {
      return HookErrors.response(
          HttpStatus.BAD_REQUEST,
          "The service "
              + id
              + " answers the hook "
              + service.getHook()
              + ", not "
              + hook.asText());
    }
    if (addresses.configuredBase().isEmpty()) {
      return HookErrors.response(
          HttpStatus.SERVICE_UNAVAILABLE,
          "This server has no public address (edu.handouts.public-base-url is not set), so its"
              + " cards cannot link to handouts; ask its operator to set it");
    }
    if (!readiness.answersFromContent()) {
      return HookErrors.starting(); // no cards from a catalog still loading
    }
    List<String> missing = missingPrefetch(service, request);
    JsonNode fhirServer = request.get("fhirServer");
    if (!missing.isEmpty() && (fhirServer == null || !fhirServer.isTextual())) {
      return HookErrors.response(
          HttpStatus.PRECONDITION_FAILED,
          "The service needs the prefetch "
              + missing
              + " and the request has neither it nor a fhirServer to fetch it from");
    }
    CdsServiceResponseJson response = registry.callService(id, request);
    if (response.getCards().isEmpty()) {
      return ok(NO_CARDS); // required, even when empty
    }
    return ok(cardJson.writeValueAsBytes(response));
  }

  @PostMapping("/{id}/feedback")
  ResponseEntity<byte[]> feedback(
      @PathVariable String id, @RequestBody(required = false) byte[] body) {
    if (service(id).isEmpty()) {
      return unknown(id);
    }
    ObjectNode request = object(body);
    if (request == null) {
      return HookErrors.response(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
    }
    List<FeedbackLedger.Feedback> entries = feedback.read(id, request);
    entries.forEach(entry -> ledger.record(id, entry));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
  }

  @ExceptionHandler(BaseServerResponseException.class)
  ResponseEntity<byte[]> refused(BaseServerResponseException e) {
    HttpStatus status = HttpStatus.resolve(e.getStatusCode());
    if (status == null || status.is5xxServerError()) {
      log.error("CDS Hooks call failed", e);
      return HookErrors.response(
          HttpStatus.INTERNAL_SERVER_ERROR, "The service failed; the server log says why");
    }
    return HookErrors.response(status, e.getMessage());
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<byte[]> failed(RuntimeException e) {
    log.error("CDS Hooks call failed", e);
    return HookErrors.response(
        HttpStatus.INTERNAL_SERVER_ERROR, "The service failed; the server log says why");
  }

  @ExceptionHandler(DataFormatException.class)
  ResponseEntity<byte[]> notFhir(DataFormatException e) {
    return HookErrors.response(
        HttpStatus.BAD_REQUEST, "A resource in the request is not valid FHIR: " + e.getMessage());
  }

  private Optional<CdsServiceJson> service(String id) {
    List<CdsServiceJson> services = registry.getCdsServicesJson().getServices();
    return services == null
        ? Optional.empty()
        : services.stream().filter(s -> s.getId().equals(id)).findFirst();
  }

  private ObjectNode object(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = cardJson.readTree(body);
      return node instanceof ObjectNode object ? object : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * The prefetch keys the request does not give; a key sent as null counts as not given (removed,
   * so HAPI fetches it from fhirServer).
   */
  private static List<String> missingPrefetch(CdsServiceJson service, ObjectNode request) {
    JsonNode prefetch = request.get("prefetch");
    if (prefetch instanceof ObjectNode given) {
      for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
        if (it.next().getValue().isNull()) {
          it.remove();
        }
      }
    } else if (prefetch != null) {
      request.remove("prefetch");
      prefetch = null;
    }
    List<String> missing = new ArrayList<>();
    for (String key : service.getPrefetch().keySet()) {
      if (prefetch == null || !prefetch.has(key)) {
        missing.add(key);
      }
    }
    return missing;
  }

  private static ResponseEntity<byte[]> unknown(String id) {
    return HookErrors.response(
        HttpStatus.NOT_FOUND, "No CDS service '" + id + "' here; GET " + BASE + " lists them");
  }

  private static ResponseEntity<byte[]> ok(byte[] body) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
