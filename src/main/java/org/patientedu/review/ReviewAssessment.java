package org.patientedu.review;

import java.time.LocalDate;

/**
 * The policy's verdict on one page as of one day.
 *
 * @param lastReviewed null when the page was never reviewed
 * @param dueDate null when the page was never reviewed
 * @param daysOverdue days past the due date; 0 unless overdue
 */
public record ReviewAssessment(
    ReviewStatus status, LocalDate lastReviewed, LocalDate dueDate, long daysOverdue) {}
