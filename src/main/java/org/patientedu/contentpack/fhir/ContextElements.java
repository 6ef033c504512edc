package org.patientedu.contentpack.fhir;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.UsageContext;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;

/**
 * The clinical contexts of a page in FHIR: one Library.useContext (focus) per code, so {@code
 * Library?context=system|code} matches each, and the same codes as DocumentReference.context.event.
 * Read back as the contexts whose codes a resource carries, in the order ClinicalContext declares.
 */
public final class ContextElements {

  private ContextElements() {}

  public static void addUseContexts(Library library, List<ClinicalContext> contexts) {
    for (ClinicalContext context : contexts) {
      for (ClinicalContext.Code code : context.codes()) {
        library.addUseContext(
            new UsageContext(
                new Coding(
                    PackTerminology.USAGE_CONTEXT_TYPE,
                    PackTerminology.USAGE_CONTEXT_FOCUS,
                    "Clinical Focus"),
                new CodeableConcept(coding(code))));
      }
    }
  }

  public static void addEvents(DocumentReference document, List<ClinicalContext> contexts) {
    for (ClinicalContext context : contexts) {
      for (ClinicalContext.Code code : context.codes()) {
        document.getContext().addEvent(new CodeableConcept(coding(code)));
      }
    }
  }

  public static List<ClinicalContext> contexts(Library library) {
    return matching(
        library.getUseContext().stream()
            .filter(UsageContext::hasValueCodeableConcept)
            .flatMap(u -> u.getValueCodeableConcept().getCoding().stream())
            .toList());
  }

  public static List<ClinicalContext> contexts(DocumentReference document) {
    return matching(
        document.getContext().getEvent().stream()
            .flatMap(event -> event.getCoding().stream())
            .toList());
  }

  private static List<ClinicalContext> matching(List<Coding> codings) {
    return Arrays.stream(ClinicalContext.values())
        .filter(
            context ->
                context.codes().stream()
                    .anyMatch(
                        code ->
                            codings.stream()
                                .anyMatch(
                                    c ->
                                        code.system().equals(c.getSystem())
                                            && code.code().equals(c.getCode()))))
        .toList();
  }

  private static Coding coding(ClinicalContext.Code code) {
    return new Coding(code.system(), code.code(), code.display());
  }
}
