CodeSystem: DocumentCategoryCS
Id: document-category
Title: "Document categories"
Description: "Categories of the documents this content module publishes, for DocumentReference.category."
* ^url = "http://fhir.patientedu.org/CodeSystem/document-category"
* ^caseSensitive = true
* ^content = #complete
* #patient-education "Patient education material" "A handout or page written for patients and families."
