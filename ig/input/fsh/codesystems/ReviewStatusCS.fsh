CodeSystem: ReviewStatusCS
Id: review-status
Title: "Review status"
Description: "Where a piece of content stands in its review cycle."
* ^url = "http://fhir.patientedu.org/CodeSystem/review-status"
* ^caseSensitive = true
* ^content = #complete
* #current "Current" "Reviewed, and the next review is not yet due."
* #due-soon "Due for review soon" "Reviewed, and the next review falls due within the warning period."
* #overdue "Overdue for review" "The next review date has passed without a new review."
* #never-reviewed "Never medically reviewed" "The source states no review."
