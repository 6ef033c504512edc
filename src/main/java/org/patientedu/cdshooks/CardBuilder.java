package org.patientedu.cdshooks;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.education.ClinicianNotes;
import org.patientedu.education.EducationMatch;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.education.PublishedPage;
import org.patientedu.educationgiven.EducationGivenRecords;
import org.patientedu.educationgiven.Medium;
import org.patientedu.educationgiven.RecordTickets;

/**
 * One card per page found: a summary under 140 characters, a Markdown detail with what the
 * clinician must know (the same notes as the Infobutton's), {@code warning} when the page's review
 * is not current, the source (the publisher, through this module), absolute links to the handout
 * page and its PDF, and one suggestion per way of giving it, whose actions create the
 * education-given record in the EHR. A card without an encounter has no suggestion (the record
 * needs one). When the hook names its {@code fhirServer} and an encounter, the handout link also
 * carries a record-as-given ticket ({@link RecordTickets}) for the page's "Record as given" button,
 * with the chart's references made absolute on that server (its ids are the EHR's, not ours).
 */
final class CardBuilder {

  static final int MAX_SUMMARY = 139;
  static final String SELECTION_AT_MOST_ONE = "at-most-one";

  /** The override reasons offered (CodeSystem cds-override-reason of the guide). */
  enum OverrideReason {
    ALREADY_GIVEN("already-given", "Education already given"),
    NOT_RELEVANT("not-relevant", "Not relevant for this patient"),
    PATIENT_DECLINED("patient-declined", "Patient declined");

    final String code;
    final String display;

    OverrideReason(String code, String display) {
      this.code = code;
      this.display = display;
    }
  }

  /** A card, and the page it offers (what feedback is counted against). */
  record IssuedCard(CdsServiceResponseCardJson card, PublishedPage page) {}

  private final HandoutAddresses addresses;
  private final Clock clock;
  private final RecordTickets tickets;
  private final Duration ticketLifetime;

  CardBuilder(
      HandoutAddresses addresses, Clock clock, RecordTickets tickets, Duration ticketLifetime) {
    this.addresses = addresses;
    this.clock = clock;
    this.tickets = tickets;
    this.ticketLifetime = ticketLifetime;
  }

  /**
   * @param catalogDocumentVersion the catalog DocumentReference's stored version, null if none
   * @throws IllegalStateException when no public address is set (the controller checks first)
   */
  IssuedCard card(
      EducationMatch match,
      ChartReader.Chart chart,
      String languageAsked,
      Long catalogDocumentVersion) {
    PublishedPage page = match.page();
    String title = page.titleIn(match.language());
    boolean warn = !page.reviewCurrent();
    CdsServiceResponseCardJson card = new CdsServiceResponseCardJson();
    card.setUuid(UUID.randomUUID().toString());
    card.setSummary(summary(title, warn ? page.reviewStatusDisplay() : null));
    card.setDetail(detail(match, languageAsked));
    card.setIndicator(warn ? CdsServiceIndicatorEnum.WARNING : CdsServiceIndicatorEnum.INFO);
    card.setSource(
        new CdsServiceResponseCardSourceJson()
            .setLabel(
                page.publisher() == null || page.publisher().isBlank()
                    ? ClinicianNotes.PRODUCT_NAME
                    : page.publisher() + " via " + ClinicianNotes.PRODUCT_NAME)
            .setUrl(addresses.base() + "/")
            .setTopic(
                new CdsServiceResponseCodingJson()
                    .setSystem(PackTerminology.CLINICAL_CONTEXT_SYSTEM)
                    .setCode(match.context().key())
                    .setDisplay(match.context().label())));
    String reader = page.primaryLanguage().equals(match.language()) ? null : match.language();
    String pageAddress =
        addresses.pageForChart(
            page.id(),
            reader,
            chart.patient(),
            chart.encounter(),
            ticket(page, match.language(), chart));
    card.setLinks(
        List.of(
            link("Open the handout: " + title, pageAddress),
            link("Print the PDF: " + title, addresses.pdf(page.id()))));
    if (chart.encounter() != null) {
      for (Medium medium : Medium.values()) {
        card.addSuggestion(
            suggestion(page, title, match.language(), medium, chart, catalogDocumentVersion));
      }
      card.setSelectionBehaviour(SELECTION_AT_MOST_ONE);
    }
    List<CdsServiceResponseCodingJson> reasons = new ArrayList<>();
    for (OverrideReason reason : OverrideReason.values()) {
      reasons.add(
          new CdsServiceResponseCodingJson()
              .setSystem(PackTerminology.CDS_OVERRIDE_REASON_SYSTEM)
              .setCode(reason.code)
              .setDisplay(reason.display));
    }
    card.setOverrideReasons(reasons);
    return new IssuedCard(card, page);
  }

  /** The record-as-given ticket for the handout link; null without an encounter or fhirServer. */
  private String ticket(PublishedPage page, String language, ChartReader.Chart chart) {
    if (chart.encounter() == null || chart.fhirServer() == null) {
      return null;
    }
    String server = chart.fhirServer().replaceAll("/+$", "");
    return tickets.issue(
        page.id(),
        page.versionId(),
        onServer(server, chart.patient()),
        onServer(server, chart.encounter()),
        server,
        onServer(server, chart.user()),
        language,
        ticketLifetime);
  }

  /** A reference of the EHR's, absolute on its FHIR server (unless it is absolute already). */
  private static String onServer(String server, String reference) {
    return new IdType(reference).isAbsolute() ? reference : server + "/" + reference;
  }

  private CdsServiceResponseSuggestionJson suggestion(
      PublishedPage page,
      String title,
      String language,
      Medium medium,
      ChartReader.Chart chart,
      Long catalogDocumentVersion) {
    String reader = page.primaryLanguage().equals(language) ? null : language;
    EducationGivenRecords.Records records =
        EducationGivenRecords.build(
            addresses.base() + "/fhir",
            new EducationGivenRecords.Handout(
                page.id(),
                page.versionId(),
                catalogDocumentVersion,
                title,
                medium == Medium.PDF
                    ? addresses.pdf(page.id())
                    : addresses.page(page.id(), reader)),
            new EducationGivenRecords.Given(
                chart.patient(),
                chart.encounter(),
                chart.practitioner(),
                medium,
                language,
                clock.instant()),
            chart.reasons(),
            false);
    CdsServiceResponseSuggestionJson suggestion =
        new CdsServiceResponseSuggestionJson()
            .setLabel("Record as given: " + medium.display().toLowerCase(Locale.ROOT))
            .setUuid(UUID.randomUUID().toString())
            .setRecommended(medium == Medium.PRINTED);
    suggestion.addAction(
        new CdsServiceResponseSuggestionActionJson()
            .setType("create")
            .setDescription("Record in the chart that " + title + " was given")
            .setResource(records.document()));
    suggestion.addAction(
        new CdsServiceResponseSuggestionActionJson()
            .setType("create")
            .setDescription("Record the procedure Patient education (SNOMED CT 311401005)")
            .setResource(records.procedure()));
    return suggestion;
  }

  private static CdsServiceResponseLinkJson link(String label, String url) {
    return new CdsServiceResponseLinkJson().setLabel(label).setUrl(url).setType("absolute");
  }

  /** "Patient education: Oxytocin", with the review state when it is not current; cut to fit. */
  static String summary(String title, String reviewWarning) {
    String prefix =
        reviewWarning == null
            ? "Patient education: "
            : "Patient education (" + reviewWarning.toLowerCase(Locale.ROOT) + "): ";
    String summary = prefix + title;
    if (summary.length() > MAX_SUMMARY) {
      summary = summary.substring(0, MAX_SUMMARY - 1).stripTrailing() + "…";
    }
    return summary;
  }

  private static String detail(EducationMatch match, String languageAsked) {
    PublishedPage page = match.page();
    StringBuilder markdown = new StringBuilder();
    if (page.description() != null && !page.description().isBlank()) {
      markdown.append(escape(page.description().strip())).append("\n\n");
    }
    markdown
        .append("For: ")
        .append(escape(match.context().label()))
        .append(match.exactCode() ? "" : " (through its code family)")
        .append(".");
    if (page.readingGrade() != null) {
      markdown
          .append(" Reading level: grade ")
          .append(page.readingGrade().stripTrailingZeros().toPlainString())
          .append(" (Flesch-Kincaid).");
    }
    markdown.append("\n\n").append(escape(String.join(" ", ClinicianNotes.reviewFacts(page))));
    ClinicianNotes.translationNote(match).ifPresent(n -> markdown.append("\n\n").append(escape(n)));
    ClinicianNotes.fallbackNote(match, languageAsked)
        .ifPresent(n -> markdown.append("\n\n").append(escape(n)));
    return markdown.toString();
  }

  /** Page text shown as written, never as Markdown the page's author did not mean. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("\\`*_[]<>#|".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
