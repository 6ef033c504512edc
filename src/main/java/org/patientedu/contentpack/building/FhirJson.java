package org.patientedu.contentpack.building;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Pretty JSON exactly as committed: HAPI's R4 parser, '\n' line ends, one final newline. */
public final class FhirJson {

  /** Creating a FhirContext is slow; one per process is enough. */
  private static final FhirContext CONTEXT = FhirContext.forR4();

  private FhirJson() {}

  public static FhirContext context() {
    return CONTEXT;
  }

  public static String encode(IBaseResource resource) {
    String json = CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    return json.replace("\r\n", "\n") + "\n";
  }
}
