Instance: Library-retire
InstanceOf: OperationDefinition
Title: "Retire a Library"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/Library-retire"
* name = "Retire"
* description = "Withdraws content from use: sets status retired and ends the effective period. Needs a SMART token with system/Library.u."
* insert LibraryInstanceOperation(retire)
* insert OperationParameter(date, in, 0, 1, date, Date of retirement; defaults to today)
* insert OperationParameter(comment, in, 0, 1, string, Why the content is retired)
* insert OperationParameter(return, out, 1, 1, Library, The Library as updated)
