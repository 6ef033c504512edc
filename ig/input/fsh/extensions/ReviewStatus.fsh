Extension: ReviewStatus
Id: review-status
Title: "Review status"
Description: "Where the content stands in its review cycle: current, due soon, overdue, or never reviewed. Computed by the server from the last review date and the review policy; searchable with the review-status search parameter."
Context: Library, DocumentReference
* insert SimpleValue(code)
* valueCode from ReviewStatusVS (required)
