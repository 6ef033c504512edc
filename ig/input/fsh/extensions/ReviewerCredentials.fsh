Extension: ReviewerCredentials
Id: reviewer-credentials
Title: "Reviewer credentials"
Description: "The post-nominal credentials of a reviewer as printed in the credits (for example \"MD\" or \"MD, FACOG\"), kept apart from the name so the name stays searchable."
Context: ContactDetail
* insert SimpleValue(string)
