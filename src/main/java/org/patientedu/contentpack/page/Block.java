package org.patientedu.contentpack.page;

import java.util.List;

/**
 * One block of article content, the same for text and HTML input.
 *
 * @param kind what the block is
 * @param level heading level 2..6 (the page title is level 1 and is not a block); 0 otherwise
 * @param text heading or paragraph text; empty for lists
 * @param items list items in order; empty for headings and paragraphs
 */
public record Block(Kind kind, int level, String text, List<String> items) {

  public enum Kind {
    HEADING,
    PARAGRAPH,
    BULLETED_LIST,
    NUMBERED_LIST
  }

  public Block {
    text = text == null ? "" : text;
    items = items == null ? List.of() : List.copyOf(items);
  }

  public static Block heading(int level, String text) {
    return new Block(Kind.HEADING, Math.max(2, Math.min(6, level)), text, List.of());
  }

  public static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, 0, text, List.of());
  }

  public static Block list(boolean numbered, List<String> items) {
    return new Block(numbered ? Kind.NUMBERED_LIST : Kind.BULLETED_LIST, 0, "", items);
  }

  public boolean isList() {
    return kind == Kind.BULLETED_LIST || kind == Kind.NUMBERED_LIST;
  }

  /** Heading/paragraph text, or the items joined by a space; handy for matching. */
  public String plainText() {
    return isList() ? String.join(" ", items) : text;
  }

  public Block withText(String newText) {
    return new Block(kind, level, newText, items);
  }

  public Block withItems(List<String> newItems) {
    return new Block(kind, level, text, newItems);
  }
}
