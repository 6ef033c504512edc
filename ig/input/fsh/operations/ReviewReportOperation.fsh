Instance: review-report
InstanceOf: OperationDefinition
Title: "Review report"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/review-report"
* name = "ReviewReport"
* description = "The editors' work list, computed as of today: how many Libraries are current, due soon or overdue (reviewed by a named clinician), reviewed by their publisher only (no clinician named), or never reviewed, and each overdue Library, oldest due date first. Returns a Parameters resource (GET /fhir/$review-report)."
* status = #active
* kind = #operation
* code = #review-report
* system = true
* type = false
* instance = false
* affectsState = false
* insert OperationParameter(asOf, out, 1, 1, date, The day the report was computed for)
* insert OperationParameter(intervalMonths, out, 1, 1, integer, Review interval of the policy in months)
* insert OperationParameter(dueSoonDays, out, 1, 1, integer, Days before the due date a Library counts as due soon)
* insert OperationParameter(current, out, 1, 1, integer, Number of Libraries whose review is current)
* insert OperationParameter(due-soon, out, 1, 1, integer, Number of Libraries whose review is due soon)
* insert OperationParameter(overdue, out, 1, 1, integer, Number of Libraries whose review is overdue)
* insert OperationParameter(publisher-reviewed, out, 1, 1, integer, Number of Libraries reviewed by their publisher only: no clinician named and so not medically reviewed)
* insert OperationParameter(never-reviewed, out, 1, 1, integer, Number of Libraries never reviewed)
* parameter[+].name = #overdueItem
* parameter[=].use = #out
* parameter[=].min = 0
* parameter[=].max = "*"
* parameter[=].documentation = "One overdue Library; oldest due date first"
* insert OperationPart(library, 1, Reference, The Library with its title as display)
* insert OperationPart(lastReviewDate, 1, date, When it was last reviewed)
* insert OperationPart(dueDate, 1, date, When the next review was due)
* insert OperationPart(daysOverdue, 1, integer, Days since the due date)
