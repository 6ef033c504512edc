Extension: ReviewStatus
Id: review-status
Title: "Review status"
Description: "Where the content stands in its review cycle: current, due soon or overdue (a named clinician reviewed it), reviewed by the publisher only (no clinician named), or never reviewed. Computed by the server from the last review date, the reviewers and the review policy; searchable with the review-status search parameter."
Context: Library, DocumentReference
* insert SimpleValue(code)
* valueCode from ReviewStatusVS (required)
