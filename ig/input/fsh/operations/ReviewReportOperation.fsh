Instance: review-report
InstanceOf: OperationDefinition
Title: "Review report"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/review-report"
* name = "ReviewReport"
* description = "The review state of every Library, for the editors' work list. Returns a Parameters resource with one entry per Library (its reference, title, review status, last review date and the date the next review is due), oldest review first."
* status = #active
* kind = #operation
* code = #review-report
* system = true
* type = false
* instance = false
* affectsState = false
* insert OperationParameter(status, in, 0, *, code, Only Libraries in these review states [current | due-soon | overdue | never-reviewed])
* parameter[=].binding.strength = #required
* parameter[=].binding.valueSet = Canonical(ReviewStatusVS)
* parameter[+].name = #entry
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "One Library"
* insert OperationPart(library, 1, Reference, The Library)
* insert OperationPart(title, 0, string, Its title)
* insert OperationPart(reviewStatus, 1, code, current | due-soon | overdue | never-reviewed)
* insert OperationPart(lastReviewDate, 0, date, When it was last reviewed)
* insert OperationPart(nextReviewDue, 0, date, When the next review is due)
