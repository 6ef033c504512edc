CodeSystem: CdsOverrideReasonCS
Id: cds-override-reason
Title: "Why a patient-education card was dismissed"
Description: "The override reasons the CDS Hooks cards of this module offer (card.overrideReasons); EHRs send the one chosen back as feedback, and the editors' report counts them."
* ^url = "http://fhir.patientedu.org/CodeSystem/cds-override-reason"
* ^caseSensitive = true
* ^content = #complete
* #already-given "Education already given" "The patient already received this education."
* #not-relevant "Not relevant for this patient" "The education does not fit this patient or encounter."
* #patient-declined "Patient declined" "The patient did not want the education."
