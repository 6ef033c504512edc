package org.patientedu.testing;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Parameters;

/** The server's {@code $review-report}, as an editor's tool or a reader asks for it. */
public final class ReviewReports {

  private ReviewReports() {}

  public static Parameters fetch(IGenericClient client) {
    return client
        .operation()
        .onServer()
        .named("$review-report")
        .withNoParameters(Parameters.class)
        .useHttpGet()
        .execute();
  }
}
