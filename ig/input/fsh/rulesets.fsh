// Rules repeated across artifacts.

// An extension whose value is a single type, allowed on the given elements.
RuleSet: SimpleValue(type)
* value[x] 1..1
* value[x] only {type}

// The attachment elements every rendition carries: integrators fetch, check and pick a language.
RuleSet: RenditionAttachment(path)
* {path}.contentType 1..1 MS
* {path}.url 1..1 MS
* {path}.size MS
* {path}.hash MS
* {path}.language MS
* {path}.title MS

// One in or out parameter of an OperationDefinition.
RuleSet: OperationParameter(name, use, min, max, type, documentation)
* parameter[+].name = #{name}
* parameter[=].use = #{use}
* parameter[=].min = {min}
* parameter[=].max = "{max}"
* parameter[=].type = #{type}
* parameter[=].documentation = "{documentation}"

// Where a review operation runs: on one Library.
RuleSet: LibraryInstanceOperation(code)
* status = #active
* kind = #operation
* code = #{code}
* resource = #Library
* system = false
* type = false
* instance = true
* affectsState = true

// The two resource types a content search parameter applies to.
RuleSet: ContentSearchParameter(code)
* status = #active
* code = #{code}
* base[0] = #Library
* base[+] = #DocumentReference
* xpathUsage = #normal

// One single-valued part of the last out parameter (min 0 or 1).
RuleSet: OperationPart(name, min, type, documentation)
* parameter[=].part[+].name = #{name}
* parameter[=].part[=].use = #out
* parameter[=].part[=].min = {min}
* parameter[=].part[=].max = "1"
* parameter[=].part[=].type = #{type}
* parameter[=].part[=].documentation = "{documentation}"

// Interactions the server offers on a content resource (the current rest.resource).
RuleSet: ContentInteractions
* rest.resource[=].interaction[0].code = #read
* rest.resource[=].interaction[+].code = #vread
* rest.resource[=].interaction[+].code = #search-type
* rest.resource[=].interaction[+].code = #history-instance
* rest.resource[=].interaction[+].code = #create
* rest.resource[=].interaction[+].code = #update
* rest.resource[=].versioning = #versioned
* rest.resource[=].readHistory = true

// This guide's search parameters, on the current rest.resource.
RuleSet: ContentSearchParams
* rest.resource[=].searchParam[+].name = "review-status"
* rest.resource[=].searchParam[=].definition = Canonical(review-status)
* rest.resource[=].searchParam[=].type = #token
* rest.resource[=].searchParam[+].name = "reading-grade"
* rest.resource[=].searchParam[=].definition = Canonical(reading-grade)
* rest.resource[=].searchParam[=].type = #number
