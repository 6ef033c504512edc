package org.patientedu.contentpack.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Credit metadata found on a page. Filled by the recognisers; every value comes from page text.
 * Setters that take a single value keep the first one found, so an earlier, more specific
 * recogniser wins over a later, more general one.
 */
public final class Credits {

  private final List<Person> authors = new ArrayList<>();
  private final List<Person> reviewers = new ArrayList<>();
  private final List<String> citations = new ArrayList<>();
  private SourceDate published;
  private SourceDate lastReviewed;
  private String lastReviewedLabel;
  private String publisher;
  private String copyright;
  private String disclaimer;
  private Adaptation adaptation;
  private String sourceUrl;
  private String citeAs;

  public List<Person> authors() {
    return Collections.unmodifiableList(authors);
  }

  public List<Person> reviewers() {
    return Collections.unmodifiableList(reviewers);
  }

  public List<String> citations() {
    return Collections.unmodifiableList(citations);
  }

  public SourceDate published() {
    return published;
  }

  public SourceDate lastReviewed() {
    return lastReviewed;
  }

  /** The page's own words for the review date: "Current as of", "Last reviewed on". */
  public String lastReviewedLabel() {
    return lastReviewedLabel;
  }

  public String publisher() {
    return publisher;
  }

  public String copyright() {
    return copyright;
  }

  public String disclaimer() {
    return disclaimer;
  }

  public Adaptation adaptation() {
    return adaptation;
  }

  public String sourceUrl() {
    return sourceUrl;
  }

  /** The page's own suggested citation of itself (e.g. an APA line), without its style label. */
  public String citeAs() {
    return citeAs;
  }

  public boolean hasAiAuthor() {
    return authors.stream().anyMatch(Person::aiTool);
  }

  public void addAuthor(Person person) {
    if (authors.stream().noneMatch(a -> a.name().equals(person.name()))) {
      authors.add(person);
    }
  }

  public void addReviewer(Person person) {
    reviewers.add(person);
  }

  public void addCitation(String citation) {
    citations.add(citation);
  }

  public void setPublished(SourceDate date) {
    if (published == null) {
      published = date;
    }
  }

  public void setLastReviewed(SourceDate date, String label) {
    if (lastReviewed == null) {
      lastReviewed = date;
      lastReviewedLabel = label;
    }
  }

  /**
   * @return true when this value was taken (no publisher known yet)
   */
  public boolean setPublisher(String value) {
    if (publisher == null) {
      publisher = value;
      return true;
    }
    return false;
  }

  public void setCopyright(String value) {
    copyright = Objects.requireNonNullElse(copyright, value);
  }

  public void setDisclaimer(String value) {
    disclaimer = Objects.requireNonNullElse(disclaimer, value);
  }

  public void setAdaptation(Adaptation value) {
    adaptation = Objects.requireNonNullElse(adaptation, value);
  }

  public void setSourceUrl(String value) {
    sourceUrl = Objects.requireNonNullElse(sourceUrl, value);
  }

  public void setCiteAs(String value) {
    citeAs = Objects.requireNonNullElse(citeAs, value);
  }

  /** Field → human-readable value for every credit field found (title excluded). */
  public Map<CreditField, String> foundFields() {
    Map<CreditField, String> found = new LinkedHashMap<>();
    if (!authors.isEmpty()) {
      found.put(
          CreditField.AUTHORS,
          String.join(
              "; ",
              authors.stream()
                  .map(a -> a.nameWithCredentials() + (a.aiTool() ? " (AI tool)" : ""))
                  .toList()));
    }
    if (!reviewers.isEmpty()) {
      found.put(
          CreditField.REVIEWERS,
          String.join(
              "; ",
              reviewers.stream()
                  .map(
                      r ->
                          r.nameWithCredentials()
                              + (r.specialty() == null ? "" : " - " + r.specialty()))
                  .toList()));
    }
    putIfPresent(found, CreditField.PUBLISHED, published);
    putIfPresent(
        found,
        CreditField.LAST_REVIEWED,
        lastReviewed == null ? null : lastReviewed + " (\"" + lastReviewedLabel + "\")");
    putIfPresent(found, CreditField.PUBLISHER, publisher);
    putIfPresent(found, CreditField.COPYRIGHT, copyright);
    putIfPresent(found, CreditField.DISCLAIMER, disclaimer);
    putIfPresent(
        found,
        CreditField.ADAPTATION,
        adaptation == null
            ? null
            : adaptation.originalAuthor().nameWithCredentials()
                + ", "
                + adaptation.originalDate()
                + ": "
                + adaptation.text());
    if (!citations.isEmpty()) {
      found.put(CreditField.CITATIONS, citations.size() + " reference(s)");
    }
    putIfPresent(found, CreditField.SOURCE_URL, sourceUrl);
    putIfPresent(found, CreditField.CITE_AS, citeAs);
    return found;
  }

  private static void putIfPresent(Map<CreditField, String> map, CreditField field, Object value) {
    if (value != null) {
      map.put(field, value.toString());
    }
  }
}
