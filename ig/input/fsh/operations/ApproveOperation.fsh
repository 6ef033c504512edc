Instance: Library-approve
InstanceOf: OperationDefinition
Title: "Approve a Library"
Usage: #definition
* url = "http://fhir.patientedu.org/OperationDefinition/Library-approve"
* name = "Approve"
* description = "Approves reviewed content for use: sets approvalDate and status active. Needs a SMART token with system/Library.u."
* insert LibraryInstanceOperation(approve)
* insert OperationParameter(date, in, 0, 1, date, Date of the approval; defaults to today)
* insert OperationParameter(comment, in, 0, 1, string, Free-text note kept with the approval)
* insert OperationParameter(return, out, 1, 1, Library, The Library as updated)
