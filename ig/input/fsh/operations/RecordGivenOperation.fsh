Instance: Library-record-given
InstanceOf: OperationDefinition
Title: "Record that a Library's handout was given"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/Library-record-given"
* name = "RecordGiven"
* description = "Stores, in one transaction, the education-given DocumentReference (the exact catalog versions given, language, medium) and the Procedure SNOMED CT 311401005 that reports it, for EHRs that keep this record with the content service. Only approved (active) pages. Needs a SMART token with system/DocumentReference.c and system/Procedure.c; the records are patient data, never public."
* status = #active
* kind = #operation
* code = #record-given
* resource = #Library
* system = false
* type = false
* instance = true
* affectsState = true
* insert OperationParameter(patient, in, 1, 1, Reference, The patient who got the handout: a Patient stored here or an absolute reference to the EHR's server)
* insert OperationParameter(encounter, in, 1, 1, Reference, The encounter it was given in: stored here or absolute; its reasons and diagnoses become the Procedure's)
* insert OperationParameter(practitioner, in, 0, 1, Reference, The clinician who gave it: Practitioner or PractitionerRole)
* insert OperationParameter(medium, in, 1, 1, code, How it was given: printed or pdf or screen)
* insert OperationParameter(language, in, 0, 1, code, The language given; defaults to the page's own)
* insert OperationParameter(documentReference, out, 1, 1, DocumentReference, The education-given DocumentReference as stored)
* insert OperationParameter(procedure, out, 1, 1, Procedure, The education-given Procedure as stored)
