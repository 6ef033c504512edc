// Code systems and definitions used across the guide.
Alias: $SCT = http://snomed.info/sct
Alias: $ICD10CM = http://hl7.org/fhir/sid/icd-10-cm
Alias: $LNC = http://loinc.org
Alias: $NUCC = http://nucc.org/provider-taxonomy
Alias: $library-type = http://terminology.hl7.org/CodeSystem/library-type
Alias: $definition-topic = http://terminology.hl7.org/CodeSystem/definition-topic
Alias: $usage-context-type = http://terminology.hl7.org/CodeSystem/usage-context-type
Alias: $data-absent-reason = http://hl7.org/fhir/StructureDefinition/data-absent-reason
// HL7 FHIR Extensions Pack (a dependency, see sushi-config.yaml); referenced, never redefined here.
Alias: $artifact-citeAs = http://hl7.org/fhir/StructureDefinition/artifact-citeAs
Alias: $RXNORM = http://www.nlm.nih.gov/research/umls/rxnorm
