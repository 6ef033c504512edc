package org.patientedu.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.hapi.fhir.cdshooks.module.CdsHooksObjectMapperFactory;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HAPI's CDS Hooks JSON mapper (it writes FHIR resources inside cards with HAPI's parser and reads
 * them in requests), kept out of the application context on purpose: as an {@code ObjectMapper}
 * bean it would replace Spring Boot's for every other JSON answer. Ours writes no empty value (CDS
 * Hooks: omit, never null, "", [] or {}).
 */
final class CdsJson {

  private final ObjectMapper reader;
  private final ObjectMapper writer;

  CdsJson(FhirContext fhirContext) {
    this.reader = new CdsHooksObjectMapperFactory(fhirContext).newMapper();
    this.writer = reader.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
  }

  /** For HAPI's registry: reads requests. */
  ObjectMapper reader() {
    return reader;
  }

  ObjectMapper writer() {
    return writer;
  }
}
