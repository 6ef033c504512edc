package org.patientedu.contentpack.reading.recognize;

/**
 * One small rule that claims blocks of a page as credits, chrome or title. To support a new page
 * layout, add a recogniser and list it in {@link Recognizers#standard()}.
 */
public interface Recognizer {

  /** Looks at the blocks still counted as article and claims what it recognises. */
  void apply(PageWorkspace page);

  /** Name shown in the import report. */
  default String name() {
    return getClass().getSimpleName();
  }
}
