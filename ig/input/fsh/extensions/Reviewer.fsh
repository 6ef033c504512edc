Extension: Reviewer
Id: reviewer
Title: "Medical reviewer (document)"
Description: "On the DocumentReference of a page: a clinician who reviewed it, the same ContactDetail as its Library's reviewer (name, with the reviewer-credentials and reviewer-specialty extensions). The HL7 extension artifact-reviewer is allowed on canonical resources only, so the guide defines this one."
Context: DocumentReference
* insert SimpleValue(ContactDetail)
* valueContactDetail.name 1..1 MS
