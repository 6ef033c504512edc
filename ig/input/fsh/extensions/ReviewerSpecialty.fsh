Extension: ReviewerSpecialty
Id: reviewer-specialty
Title: "Reviewer specialty"
Description: "The medical specialty of a person who reviewed the content, as the source states it (for example \"Family Medicine\"). The text is always kept; a NUCC provider taxonomy coding is added only where the mapping is certain."
Context: ContactDetail
* insert SimpleValue(CodeableConcept)
* valueCodeableConcept.text 1..1 MS
* valueCodeableConcept.coding MS
