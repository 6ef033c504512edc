Extension: LastReviewDate
Id: last-review-date
Title: "Last review date (document)"
Description: "On the DocumentReference of a page: the date of its last review, the same date as its Library's lastReviewDate. DocumentReference has no element for it, and the HL7 extension artifact-lastReviewDate is allowed on canonical resources only, so the guide defines this one. Whether the review was a medical one is said by reviewer (a named clinician) and review-status."
Context: DocumentReference
* insert SimpleValue(date)
