Instance: Library-review
InstanceOf: OperationDefinition
Title: "Record a review of a Library"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/Library-review"
* name = "Review"
* description = "Records that a named person reviewed the content: sets lastReviewDate, adds the reviewer (with credentials and specialty) and recomputes the review status. Needs a SMART token with system/Library.u."
* insert LibraryInstanceOperation(review)
* insert OperationParameter(reviewerName, in, 1, 1, string, The reviewer's name without credentials)
* insert OperationParameter(credentials, in, 0, 1, string, Post-nominal credentials such as MD)
* insert OperationParameter(specialty, in, 0, 1, string, Medical specialty as written such as Family Medicine)
* insert OperationParameter(date, in, 0, 1, date, Date of the review; defaults to today)
* insert OperationParameter(comment, in, 0, 1, string, Free-text note kept with the review)
* insert OperationParameter(return, out, 1, 1, Library, The Library as updated)
