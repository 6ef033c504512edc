CodeSystem: ContextRelevanceCS
Id: context-relevance
Title: "Clinical context relevance"
Description: "How central a clinical context is to a patient-education page."
* ^url = "http://fhir.patientedu.org/CodeSystem/context-relevance"
* ^caseSensitive = true
* ^content = #complete
* #primary "Primary" "The page is mainly about this clinical context."
* #secondary "Secondary" "The page touches this clinical context, but it is not what the page is about."
