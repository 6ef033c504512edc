package org.patientedu.cdshooks;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.patientedu.cdshooks.feedback.FeedbackLedger;

/**
 * Reads a CDS Hooks 2.0 feedback body, {@code {"feedback": [{card, outcome, acceptedSuggestions,
 * overrideReason, outcomeTimestamp}]}}, and checks every entry before any is stored, so a bad entry
 * loses nothing and stores nothing half.
 */
final class FeedbackReader {

  private final FeedbackLedger ledger;

  FeedbackReader(FeedbackLedger ledger) {
    this.ledger = ledger;
  }

  List<FeedbackLedger.Feedback> read(String serviceId, ObjectNode body) {
    JsonNode items = body.get("feedback");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new InvalidRequestException(
          "The body must be {\"feedback\": [...]} with at least one entry (CDS Hooks 2.0)");
    }
    List<FeedbackLedger.Feedback> entries = new ArrayList<>();
    int index = 0;
    for (JsonNode item : items) {
      entries.add(entry(serviceId, item, "feedback[" + index++ + "]"));
    }
    return entries;
  }

  private FeedbackLedger.Feedback entry(String serviceId, JsonNode item, String where) {
    String card = text(item, "card", where, true);
    if (ledger.pageOfCard(serviceId, card).isEmpty()) {
      throw new InvalidRequestException(
          where + ".card: no card " + card + " was issued by the service " + serviceId);
    }
    String outcome = text(item, "outcome", where, true);
    String timestamp = text(item, "outcomeTimestamp", where, true);
    try {
      OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          where + ".outcomeTimestamp must be an ISO 8601 date-time with a zone");
    }
    List<String> accepted = new ArrayList<>();
    String system = null;
    String code = null;
    String display = null;
    String comment = null;
    switch (outcome) {
      case "accepted" -> {
        JsonNode suggestions = item.get("acceptedSuggestions");
        if (suggestions == null || !suggestions.isArray() || suggestions.isEmpty()) {
          throw new InvalidRequestException(
              where + ".acceptedSuggestions is required when the outcome is accepted");
        }
        for (JsonNode suggestion : suggestions) {
          accepted.add(text(suggestion, "id", where + ".acceptedSuggestions[]", true));
        }
      }
      case "overridden" -> {
        JsonNode reason = item.get("overrideReason");
        if (reason != null && !reason.isNull()) {
          JsonNode coding = reason.get("reason");
          if (coding != null && !coding.isNull()) {
            system = text(coding, "system", where + ".overrideReason.reason", false);
            code = text(coding, "code", where + ".overrideReason.reason", true);
            display = text(coding, "display", where + ".overrideReason.reason", false);
          }
          comment = text(reason, "userComment", where + ".overrideReason", false);
        }
      }
      default ->
          throw new InvalidRequestException(
              where + ".outcome must be accepted or overridden, not '" + outcome + "'");
    }
    return new FeedbackLedger.Feedback(
        card, outcome, accepted, system, code, display, comment, timestamp);
  }

  private static String text(JsonNode node, String field, String where, boolean required) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new InvalidRequestException(where + "." + field + " is required");
      }
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidRequestException(where + "." + field + " must be a non-empty string");
    }
    return value.asText();
  }
}
