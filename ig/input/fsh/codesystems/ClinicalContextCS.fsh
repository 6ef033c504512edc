CodeSystem: ClinicalContextCS
Id: clinical-context
Title: "Clinical contexts (local)"
Description: "Clinical situations a patient-education page is offered in for which no SNOMED CT or ICD-10-CM code fits. Labor and delivery, lactation and pain management use standard codes (see the clinical context value set)."
* ^url = "http://fhir.patientedu.org/CodeSystem/clinical-context"
* ^caseSensitive = true
* ^content = #complete
* #emotional-health "Stress and emotional health" "Content about stress, mood and emotional well-being around birth and parenting."
* #relationships "Relationships" "Content about partners, family and social relationships."
