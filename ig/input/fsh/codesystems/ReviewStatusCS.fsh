CodeSystem: ReviewStatusCS
Id: review-status
Title: "Review status"
Description: "Where a piece of content stands in its review cycle."
* ^url = "http://fhir.patientedu.org/CodeSystem/review-status"
* ^caseSensitive = true
* ^content = #complete
* #current "Current" "Medically reviewed by a named clinician, and the next review is not yet due."
* #due-soon "Due for review soon" "Medically reviewed by a named clinician, and the next review falls due within the warning period."
* #overdue "Overdue for review" "Medically reviewed by a named clinician, and the next review date has passed without a new review."
* #publisher-reviewed "Reviewed by the publisher; no medical reviewer named" "The source states a review by its publisher (for example \"Last reviewed on\") but names no clinician. Not a medical review: never current, and the page stays a draft until a named clinician reviews it."
* #never-reviewed "Never medically reviewed" "The source states no review, and none was recorded since."
