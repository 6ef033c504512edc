ValueSet: EmotionalHealthFamilyVS
Id: context-emotional-health
Title: "Code family: stress and emotional health"
Description: "The local code for stress and emotional health. No standard code family is defined for this context yet."
* ^url = "http://fhir.patientedu.org/ValueSet/context-emotional-health"
* ^experimental = false
* ClinicalContextCS#emotional-health "Stress and emotional health"
