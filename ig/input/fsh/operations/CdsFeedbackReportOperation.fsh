Instance: cds-feedback-report
InstanceOf: OperationDefinition
Title: "CDS Hooks feedback report"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/cds-feedback-report"
* name = "CdsFeedbackReport"
* description = "For editors (system/Library.u): per page, how often its CDS Hooks card was shown, accepted and overridden, and the override reasons given. Comments typed by clinicians are never reported. Returns a Parameters resource (GET /fhir/$cds-feedback-report)."
* status = #active
* kind = #operation
* code = #cds-feedback-report
* system = true
* type = false
* instance = false
* affectsState = false
* parameter[+].name = #page
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "One page whose card was shown"
* insert OperationPart(library, 1, Reference, The Library)
* insert OperationPart(shown, 1, integer, Cards issued for it)
* insert OperationPart(accepted, 1, integer, Feedback entries accepting it)
* insert OperationPart(overridden, 1, integer, Feedback entries overriding it)
