/**
 * What clinicians did with the CDS Hooks cards: every card issued and every feedback received, kept
 * in the database, and {@code $cds-feedback-report}, which counts per page how often it was shown,
 * accepted and overridden (with the reasons) for the editors.
 */
package org.patientedu.cdshooks.feedback;
