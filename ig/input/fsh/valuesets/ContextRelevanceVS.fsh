ValueSet: ContextRelevanceVS
Id: context-relevance
Title: "Clinical context relevance"
Description: "Primary or secondary."
* ^url = "http://fhir.patientedu.org/ValueSet/context-relevance"
* include codes from system ContextRelevanceCS
