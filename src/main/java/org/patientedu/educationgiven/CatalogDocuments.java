package org.patientedu.educationgiven;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;

/** The catalog DocumentReference of a page (same id as its Library), as stored now. */
public final class CatalogDocuments {

  private CatalogDocuments() {}

  /** Its stored version (meta.versionId); null when the page has no DocumentReference. */
  public static Long currentVersion(DaoRegistry daoRegistry, String pageId) {
    try {
      return daoRegistry
          .getResourceDao(DocumentReference.class)
          .read(new IdType("DocumentReference", pageId), new SystemRequestDetails())
          .getIdElement()
          .getVersionIdPartAsLong();
    } catch (ResourceNotFoundException | ResourceGoneException none) {
      return null;
    }
  }
}
