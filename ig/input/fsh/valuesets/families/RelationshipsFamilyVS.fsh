ValueSet: RelationshipsFamilyVS
Id: context-relationships
Title: "Code family: relationships"
Description: "The local code for relationships. No standard code family is defined for this context yet."
* ^url = "http://fhir.patientedu.org/ValueSet/context-relationships"
* ^experimental = false
* ClinicalContextCS#relationships "Relationships"
