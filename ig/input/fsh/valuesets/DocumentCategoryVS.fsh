ValueSet: DocumentCategoryVS
Id: document-category
Title: "Document categories"
Description: "All document categories of this content module."
* ^url = "http://fhir.patientedu.org/ValueSet/document-category"
* include codes from system DocumentCategoryCS
