ValueSet: PainManagementFamilyVS
Id: context-pain-management
Title: "Code family: pain management"
Description: "Codes that find pain-management education: ICD-10-CM G89 (pain, not elsewhere classified) with every code below it (acute, chronic, postprocedural pain, chronic pain syndrome); SNOMED CT pain management."
* ^url = "http://fhir.patientedu.org/ValueSet/context-pain-management"
* ^experimental = false
* include codes from system $ICD10CM where concept is-a #G89
* $SCT#278414003 "Pain management"
