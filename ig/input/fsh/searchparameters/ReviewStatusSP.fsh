Instance: review-status
InstanceOf: SearchParameter
Title: "Search by review status"
Usage: #definition
* url = "http://fhir.patientedu.org/SearchParameter/review-status"
* name = "ReviewStatus"
* description = "Libraries and DocumentReferences by review status (current | due-soon | overdue | publisher-reviewed | never-reviewed), for example Library?review-status=overdue."
* insert ContentSearchParameter(review-status)
* type = #token
* expression = "Library.extension('http://fhir.patientedu.org/StructureDefinition/review-status').value | DocumentReference.extension('http://fhir.patientedu.org/StructureDefinition/review-status').value"
