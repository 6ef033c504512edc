Extension: AuthorCredentials
Id: author-credentials
Title: "Author credentials"
Description: "The post-nominal credentials of an author as printed in the byline (for example \"MFT\"), kept apart from the name."
Context: ContactDetail
* insert SimpleValue(string)
