package org.patientedu.contentpack.reading.recognize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.SourceBlock;

/**
 * The page while recognisers work on it: every block starts as article text; a recogniser may claim
 * a block as title, credit or chrome (each claim is recorded for the import report).
 */
public final class PageWorkspace {

  public enum Role {
    ARTICLE,
    TITLE,
    CREDIT,
    CHROME
  }

  private static final class Slot {
    private Block block;
    private final boolean standalone;
    private Role role = Role.ARTICLE;

    private Slot(SourceBlock source) {
      this.block = source.block();
      this.standalone = source.standalone();
    }
  }

  private final List<Slot> slots = new ArrayList<>();
  private final PageFormat format;
  private final String documentTitle;
  private final Credits credits = new Credits();
  private final List<ImportReport.Line> creditLines = new ArrayList<>();
  private final List<ImportReport.Line> dropped = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> matched = new LinkedHashSet<>();
  private String title;

  public PageWorkspace(List<SourceBlock> blocks, PageFormat format, String documentTitle) {
    blocks.forEach(b -> slots.add(new Slot(b)));
    this.format = format;
    this.documentTitle = documentTitle;
  }

  public PageFormat format() {
    return format;
  }

  /** HTML &lt;title&gt;; null for text. */
  public String documentTitle() {
    return documentTitle;
  }

  public int size() {
    return slots.size();
  }

  public Block block(int i) {
    return slots.get(i).block;
  }

  /** Text of a heading/paragraph, or the items of a list joined. */
  public String text(int i) {
    return slots.get(i).block.plainText();
  }

  public boolean standalone(int i) {
    return slots.get(i).standalone;
  }

  public Role role(int i) {
    return slots.get(i).role;
  }

  public boolean isArticle(int i) {
    return i >= 0 && i < slots.size() && slots.get(i).role == Role.ARTICLE;
  }

  /** Index of the next block still counted as article after {@code i}, or -1. */
  public int nextArticle(int i) {
    for (int k = i + 1; k < slots.size(); k++) {
      if (slots.get(k).role == Role.ARTICLE) {
        return k;
      }
    }
    return -1;
  }

  /** Index of the previous block still counted as article before {@code i}, or -1. */
  public int previousArticle(int i) {
    for (int k = i - 1; k >= 0; k--) {
      if (slots.get(k).role == Role.ARTICLE) {
        return k;
      }
    }
    return -1;
  }

  public void markCredit(int i, String field) {
    claim(i, Role.CREDIT);
    creditLines.add(new ImportReport.Line(describe(i), field));
  }

  public void markChrome(int i, String why) {
    claim(i, Role.CHROME);
    dropped.add(new ImportReport.Line(describe(i), why));
  }

  public void markTitle(int i, String pageTitle) {
    claim(i, Role.TITLE);
    this.title = pageTitle;
  }

  /** Replaces a block's content or kind (e.g. a paragraph recognised as a heading). */
  public void replace(int i, Block block) {
    slots.get(i).block = block;
  }

  public String title() {
    return title;
  }

  public void setTitle(String pageTitle) {
    this.title = pageTitle;
  }

  public Credits credits() {
    return credits;
  }

  public void note(String note) {
    notes.add(note);
  }

  public void matched(String recognizer) {
    matched.add(recognizer);
  }

  /** Article blocks in order. */
  public List<Block> articleBlocks() {
    return slots.stream().filter(s -> s.role == Role.ARTICLE).map(s -> s.block).toList();
  }

  public List<ImportReport.Line> creditLines() {
    return creditLines;
  }

  public List<ImportReport.Line> dropped() {
    return dropped;
  }

  public List<String> notes() {
    return notes;
  }

  public List<String> matchedRecognizers() {
    return List.copyOf(matched);
  }

  private void claim(int i, Role role) {
    Slot slot = slots.get(i);
    if (slot.role != Role.ARTICLE) {
      throw new IllegalStateException(
          "Block " + i + " already claimed as " + slot.role + ": " + text(i));
    }
    slot.role = role;
  }

  private String describe(int i) {
    Block block = slots.get(i).block;
    return block.isList() ? String.join(" | ", block.items()) : block.text();
  }
}
