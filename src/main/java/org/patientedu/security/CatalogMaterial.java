package org.patientedu.security;

import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.patientedu.contentpack.PackTerminology;

/**
 * What belongs to the published catalog, the only thing the public may read.
 *
 * <ul>
 *   <li>A Library: catalog entries are never about a patient.
 *   <li>A DocumentReference that carries the catalog category ({@code
 *       document-category#patient-education}) and names no subject and no encounter. A record that
 *       education was given to a patient carries the same category but always names the patient
 *       (the guide's education-given profile requires {@code subject}), so it is never public; so
 *       is any other DocumentReference.
 *   <li>A Binary with no {@code securityContext} (the catalog's renditions have none; a Binary that
 *       names what it belongs to is treated as belonging to a record).
 * </ul>
 *
 * <p>And the guide's conformance resources (StructureDefinition, ValueSet, CodeSystem, ...), which
 * hold definitions, never patient data.
 *
 * <p>Everything else, Patient, Encounter and Procedure included, is never public.
 */
final class CatalogMaterial {

  static final Set<String> CATALOG_TYPES = Set.of("Library", "DocumentReference", "Binary");

  /** The guide's own definitions, installed from its package: public like the guide itself. */
  static final Set<String> CONFORMANCE_TYPES =
      Set.of(
          "StructureDefinition",
          "ValueSet",
          "CodeSystem",
          "SearchParameter",
          "OperationDefinition",
          "CapabilityStatement",
          "ImplementationGuide",
          "NamingSystem",
          "ConceptMap");

  private CatalogMaterial() {}

  /** A type whose every resource is public, whatever it holds: no need to read one to know. */
  static boolean isPublicWhole(String type) {
    return "Library".equals(type) || CONFORMANCE_TYPES.contains(type);
  }

  static boolean isPublic(IBaseResource resource) {
    if (isPublicWhole(resource.fhirType())) {
      return true;
    }
    if (resource instanceof DocumentReference document) {
      return isEducationMaterial(document);
    }
    if (resource instanceof Binary binary) {
      return !binary.hasSecurityContext();
    }
    return false;
  }

  private static boolean isEducationMaterial(DocumentReference document) {
    boolean catalogCategory =
        document.getCategory().stream()
            .flatMap(category -> category.getCoding().stream())
            .anyMatch(
                coding ->
                    PackTerminology.DOCUMENT_CATEGORY_SYSTEM.equals(coding.getSystem())
                        && PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION.equals(
                            coding.getCode()));
    return catalogCategory && !document.hasSubject() && !document.getContext().hasEncounter();
  }
}
