ValueSet: EducationMediumVS
Id: education-medium
Title: "Education medium"
Description: "All the ways a handout can be given."
* ^url = "http://fhir.patientedu.org/ValueSet/education-medium"
* include codes from system EducationMediumCS
