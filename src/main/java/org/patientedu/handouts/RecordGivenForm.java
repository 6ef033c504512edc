package org.patientedu.handouts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.patientedu.educationgiven.Medium;
import org.patientedu.educationgiven.RecordTickets;
import org.springframework.stereotype.Component;

/**
 * The handout page's "Record as given" form: shown only when the page was opened with a valid
 * record-as-given ticket (from a CDS Hooks card's link); with an invalid one, a line saying why
 * instead. The ticket is checked here, used up only when the form is posted ({@link
 * RecordGivenController}).
 */
@Component
class RecordGivenForm {

  private final RecordTickets tickets;

  RecordGivenForm(RecordTickets tickets) {
    this.tickets = tickets;
  }

  /**
   * The template variables: {@code recordTicket} and the chart it names, or {@code recordRefusal}.
   */
  Map<String, Object> model(String pageId, String ticket) {
    Map<String, Object> model = new LinkedHashMap<>();
    try {
      RecordTickets.Ticket checked = tickets.check(ticket, pageId);
      model.put("recordTicket", ticket);
      model.put("recordPatient", checked.patient());
      model.put("recordEncounter", checked.encounter());
      model.put("recordMediums", Medium.values());
    } catch (RecordTickets.Refused refused) {
      model.put("recordRefusal", messageKey(refused.refusal()));
    }
    return model;
  }

  /** handouts.record.refused.not-ours, .expired, ... (messages.properties). */
  static String messageKey(RecordTickets.Refusal refusal) {
    return "handouts.record.refused." + refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
