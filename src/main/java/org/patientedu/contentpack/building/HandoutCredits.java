package org.patientedu.contentpack.building;

import java.util.ArrayList;
import java.util.List;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.Person;

/**
 * The credits printed under a handout, Healthwise style, as blocks both renditions render the same
 * way. States plainly what the source does not say (no date, no author, no review).
 */
public final class HandoutCredits {

  private HandoutCredits() {}

  public static List<Block> blocks(Credits credits) {
    List<Block> blocks = new ArrayList<>();
    if (credits.published() != null) {
      blocks.add(Block.paragraph("Published: " + credits.published().display()));
    }
    if (credits.lastReviewed() != null) {
      blocks.add(
          Block.paragraph(credits.lastReviewedLabel() + ": " + credits.lastReviewed().display()));
    }
    if (credits.published() == null && credits.lastReviewed() == null) {
      blocks.add(Block.paragraph("Date: not stated by the source."));
    }
    blocks.add(Block.paragraph(authorLine(credits.authors())));
    SourceReview state = SourceReview.of(credits);
    switch (state) {
      case MEDICALLY_REVIEWED -> {
        blocks.add(Block.paragraph("Medical Review:"));
        blocks.add(
            Block.list(
                false, credits.reviewers().stream().map(HandoutCredits::reviewerLine).toList()));
      }
      case REVIEWED_NO_NAMED_REVIEWER ->
          blocks.add(Block.paragraph("Medical Review: no medical reviewer is named."));
      case NOT_REVIEWED -> {}
    }
    if (!state.inUse() || credits.hasAiAuthor()) {
      blocks.add(Block.paragraph(SourceReview.statement(credits)));
    }
    if (credits.adaptation() != null) {
      blocks.add(Block.paragraph(credits.adaptation().text()));
    }
    if (credits.publisher() != null) {
      blocks.add(Block.paragraph("Publisher: " + credits.publisher()));
    }
    if (!credits.citations().isEmpty()) {
      blocks.add(Block.heading(3, "References"));
      blocks.add(Block.list(true, credits.citations()));
    }
    if (credits.sourceUrl() != null) {
      blocks.add(Block.paragraph("Source: " + credits.sourceUrl()));
    }
    if (credits.citeAs() != null) {
      blocks.add(Block.paragraph("Cite as: " + credits.citeAs()));
    }
    if (credits.disclaimer() != null) {
      blocks.add(Block.paragraph(credits.disclaimer()));
    }
    if (credits.copyright() != null) {
      blocks.add(Block.paragraph(credits.copyright()));
    }
    return blocks;
  }

  static String authorLine(List<Person> authors) {
    if (authors.isEmpty()) {
      return "Author: not stated by the source.";
    }
    List<String> names =
        authors.stream()
            .map(a -> a.nameWithCredentials() + (a.aiTool() ? " (AI tool)" : ""))
            .toList();
    return (authors.size() == 1 ? "Author: " : "Authors: ") + String.join("; ", names);
  }

  /** "Sarah Marshall, MD – Family Medicine" */
  static String reviewerLine(Person reviewer) {
    return reviewer.nameWithCredentials()
        + (reviewer.specialty() == null ? "" : " – " + reviewer.specialty());
  }
}
