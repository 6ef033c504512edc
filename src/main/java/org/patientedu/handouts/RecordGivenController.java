package org.patientedu.handouts;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.educationgiven.Medium;
import org.patientedu.educationgiven.RecordTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code POST /handouts/{id}/record-given}: the "Record as given" form. The ticket posted with it
 * is the credential (a same-origin form post, no cookie: a cross-site post has no ticket to send),
 * used once; the record is stored here like {@code $record-given} stores it. Answers a confirmation
 * page, or a page saying plainly why nothing was stored.
 */
@Controller
class RecordGivenController {

  static final String RECORDED = "handouts/recorded";
  static final String REFUSED = "error/record-refused";

  private static final Logger log = LoggerFactory.getLogger(RecordGivenController.class);

  private final RecordTickets tickets;

  RecordGivenController(RecordTickets tickets) {
    this.tickets = tickets;
  }

  @PostMapping("/handouts/{id}" + HandoutAddresses.RECORD_GIVEN_SUFFIX)
  String record(
      @PathVariable String id,
      @RequestParam(name = HandoutAddresses.TICKET_PARAMETER, required = false) String ticket,
      @RequestParam(name = "medium", required = false) String medium,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    Optional<Medium> given = Medium.fromCode(medium == null ? "" : medium);
    if (given.isEmpty()) {
      return refused(response, model, 400, "handouts.record.refused.medium");
    }
    try {
      model.addAttribute(
          "recorded", tickets.redeem(ticket, id, given.get(), request.getRemoteAddr()));
      model.addAttribute("handoutPage", "/handouts/" + id);
      return RECORDED;
    } catch (RecordTickets.Refused refused) {
      return refused(
          response,
          model,
          refused.refusal().status(),
          RecordGivenForm.messageKey(refused.refusal()));
    }
  }

  /** The store refused the record (e.g. no public address is set): its status, nothing stored. */
  @ExceptionHandler(BaseServerResponseException.class)
  String notStored(BaseServerResponseException e, HttpServletResponse response, Model model) {
    int status = e.getStatusCode() >= 400 && e.getStatusCode() < 500 ? e.getStatusCode() : 500;
    if (status == 500) {
      log.error("Recording a handout as given failed", e);
    }
    return refused(response, model, status, "handouts.record.refused.not-stored");
  }

  private static String refused(
      HttpServletResponse response, Model model, int status, String messageKey) {
    response.setStatus(status);
    model.addAttribute("refusal", messageKey);
    return REFUSED;
  }
}
