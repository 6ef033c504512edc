Instance: reading-grade
InstanceOf: SearchParameter
Title: "Search by reading grade level"
Usage: #definition
* url = "http://fhir.patientedu.org/SearchParameter/reading-grade"
* name = "ReadingGrade"
* description = "Libraries and DocumentReferences by Flesch-Kincaid grade level, for example Library?reading-grade=le8."
* insert ContentSearchParameter(reading-grade)
* type = #number
* expression = "Library.extension('http://fhir.patientedu.org/StructureDefinition/reading-grade-level').value | DocumentReference.extension('http://fhir.patientedu.org/StructureDefinition/reading-grade-level').value"
