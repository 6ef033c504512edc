Extension: SourceDateLabel
Id: source-date-label
Title: "Source date label"
Description: "The source's own words for a date it states, for example \"Current as of\" (Healthwise) or \"Last reviewed on\" (Go Ask Alice). A handout prints \"Current as of\" only where the source does. A review recorded on the server ($review) replaces the date and drops the label."
Context: Library.lastReviewDate
* insert SimpleValue(string)
