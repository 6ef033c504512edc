/**
 * The standard record that a patient was given a handout: an education-given DocumentReference
 * (who, when, which encounter, the exact catalog versions, language and medium) and the Procedure
 * SNOMED CT 311401005 "Patient education" that quality measures count. Built in one place ({@link
 * org.patientedu.educationgiven.EducationGivenRecords}) for the CDS Hooks card's suggestion (the
 * EHR stores it) and for {@code $record-given} (this server stores it). {@link
 * org.patientedu.educationgiven.RecordTickets} lets a nurse without a SMART token store it here
 * from the handout page a card links to, once, with the ticket in that link.
 */
package org.patientedu.educationgiven;
