ValueSet: ReviewStatusVS
Id: review-status
Title: "Review status"
Description: "All review states."
* ^url = "http://fhir.patientedu.org/ValueSet/review-status"
* include codes from system ReviewStatusCS
