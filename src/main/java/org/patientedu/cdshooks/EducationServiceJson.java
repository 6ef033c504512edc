package org.patientedu.cdshooks;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceJson;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * HAPI's service description plus CDS Hooks 2.0's {@code usageRequirements}, which HAPI's 8.8.0
 * class does not have.
 */
final class EducationServiceJson extends CdsServiceJson {

  @JsonProperty("usageRequirements")
  private String usageRequirements;

  EducationServiceJson setUsageRequirements(String usageRequirements) {
    this.usageRequirements = usageRequirements;
    return this;
  }

  String getUsageRequirements() {
    return usageRequirements;
  }
}
