package org.patientedu.cdshooks.feedback;

import ca.uhn.fhir.rest.annotation.Operation;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.patientedu.contentpack.PackTerminology;

/**
 * {@code GET /fhir/$cds-feedback-report}: per page, how often its CDS Hooks card was shown,
 * accepted and overridden, and why it was overridden. For editors (system/Library.u): it tells
 * which pages clinicians find useful. Comments typed by clinicians are kept but never reported
 * (they may name a patient).
 */
public class FeedbackReportOperation {

  public static final String NAME = PackTerminology.OPERATION_CDS_FEEDBACK_REPORT;

  private final FeedbackLedger ledger;

  FeedbackReportOperation(FeedbackLedger ledger) {
    this.ledger = ledger;
  }

  @Operation(name = NAME, idempotent = true)
  public Parameters feedbackReport() {
    Parameters report = new Parameters();
    for (FeedbackLedger.PageCounts page : ledger.report()) {
      ParametersParameterComponent item = report.addParameter().setName("page");
      item.addPart().setName("library").setValue(new Reference("Library/" + page.pageId()));
      item.addPart().setName("shown").setValue(new IntegerType(Math.toIntExact(page.shown())));
      item.addPart()
          .setName("accepted")
          .setValue(new IntegerType(Math.toIntExact(page.accepted())));
      item.addPart()
          .setName("overridden")
          .setValue(new IntegerType(Math.toIntExact(page.overridden())));
      page.overrideReasons()
          .forEach(
              (reason, count) -> {
                ParametersParameterComponent why = item.addPart().setName("overrideReason");
                why.addPart().setName("reason").setValue(new StringType(reason));
                why.addPart().setName("count").setValue(new IntegerType(Math.toIntExact(count)));
              });
    }
    return report;
  }
}
