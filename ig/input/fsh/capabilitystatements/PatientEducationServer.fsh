Instance: patient-education-server
InstanceOf: CapabilityStatement
Title: "Patient education content server"
Usage: #definition
* url = "http://fhir.patientedu.org/CapabilityStatement/patient-education-server"
* name = "PatientEducationServer"
* description = "What the patient-education content module offers EHRs: public read and search of Library, DocumentReference and Binary; review operations for editors (SMART Backend Services)."
* status = #active
* date = "2025-01-01"
* kind = #requirements
* fhirVersion = #4.0.1
* format[0] = #json
* format[+] = #xml
* implementationGuide = "http://fhir.patientedu.org/ImplementationGuide/org.patientedu.fhir"
* rest.mode = #server
* rest.documentation = "Reads of the catalog are public. Create, update, delete and the review operations need a SMART Backend Services token with system scopes (system/Library.cu, system/DocumentReference.cu, system/Binary.cu; system/Library.u for the review operations). Writes of Library and DocumentReference that claim this guide's profiles in meta.profile are validated against them; invalid content is refused with 422 and an OperationOutcome."
* rest.security.description = "SMART Backend Services (client credentials, private_key_jwt); token endpoint in /fhir/.well-known/smart-configuration."
* rest.resource[0].type = #Library
* rest.resource[=].profile = "http://hl7.org/fhir/StructureDefinition/Library"
* rest.resource[=].supportedProfile = Canonical(PatientEducationLibrary)
* insert ContentInteractions
* rest.resource[=].searchParam[+].name = "context"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Library-context"
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "topic"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Library-topic"
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "title"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Library-title"
* rest.resource[=].searchParam[=].type = #string
* rest.resource[=].searchParam[+].name = "url"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Library-url"
* rest.resource[=].searchParam[=].type = #uri
* rest.resource[=].searchParam[+].name = "status"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/Library-status"
* rest.resource[=].searchParam[=].type = #token
* insert ContentSearchParams
* rest.resource[=].operation[0].name = "review"
* rest.resource[=].operation[=].definition = Canonical(Library-review)
* rest.resource[=].operation[+].name = "approve"
* rest.resource[=].operation[=].definition = Canonical(Library-approve)
* rest.resource[=].operation[+].name = "retire"
* rest.resource[=].operation[=].definition = Canonical(Library-retire)
* rest.resource[=].operation[+].name = "record-given"
* rest.resource[=].operation[=].definition = Canonical(Library-record-given)
* rest.resource[+].type = #DocumentReference
* rest.resource[=].profile = "http://hl7.org/fhir/StructureDefinition/DocumentReference"
* rest.resource[=].supportedProfile[0] = Canonical(PatientEducationDocumentReference)
* rest.resource[=].supportedProfile[+] = Canonical(EducationGivenDocumentReference)
* insert ContentInteractions
* rest.resource[=].searchParam[+].name = "type"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/clinical-type"
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "category"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/DocumentReference-category"
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "event"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/DocumentReference-event"
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "related"
* rest.resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/DocumentReference-related"
* rest.resource[=].searchParam[=].type = #reference
* insert ContentSearchParams
* rest.resource[+].type = #Binary
* rest.resource[=].interaction[0].code = #read
* rest.resource[=].interaction[+].code = #vread
* rest.operation[0].name = "review-report"
* rest.operation[=].definition = Canonical(review-report)
* rest.operation[+].name = "cds-feedback-report"
* rest.operation[=].definition = Canonical(cds-feedback-report)
