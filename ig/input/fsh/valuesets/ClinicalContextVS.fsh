ValueSet: ClinicalContextVS
Id: clinical-context
Title: "Clinical contexts"
Description: "The clinical situations a patient-education page is offered in: SNOMED CT and ICD-10-CM codes for labor and delivery, lactation and breastfeeding, and pain management; local codes for emotional health and relationships. An EHR finds content for an encounter by searching Library?context=system|code with a code from its problem list or encounter."
* ^url = "http://fhir.patientedu.org/ValueSet/clinical-context"
// Labor and delivery
* $SCT#236973005 "Delivery procedure"
* $SCT#177184002 "Normal delivery procedure"
* $ICD10CM#O80 "Encounter for full-term uncomplicated delivery"
* $ICD10CM#O62.2 "Other uterine inertia"
* $ICD10CM#O61.0 "Failed medical induction of labor"
// Lactation and breastfeeding
* $SCT#413712001 "Breastfeeding (mother)"
* $ICD10CM#Z39.1 "Encounter for care and examination of lactating mother"
* $ICD10CM#O92.79 "Other disorders of lactation"
// Pain management
* $SCT#278414003 "Pain management"
* $ICD10CM#G89.29 "Other chronic pain"
* $ICD10CM#G89.4 "Chronic pain syndrome"
// Emotional health and relationships
* include codes from system ClinicalContextCS
