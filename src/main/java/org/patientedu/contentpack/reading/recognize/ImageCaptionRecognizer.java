package org.patientedu.contentpack.reading.recognize;

import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.PageFormat;

/**
 * In text, an image leaves only its caption: a heading-like line between body text and the next
 * heading, with nothing under it ("Skeletal formula of oxytocin"). It is not an article sentence.
 */
final class ImageCaptionRecognizer implements Recognizer {

  @Override
  public void apply(PageWorkspace page) {
    if (page.format() != PageFormat.TEXT) {
      return;
    }
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).kind() != Block.Kind.HEADING) {
        continue;
      }
      int previous = page.previousArticle(i);
      int next = page.nextArticle(i);
      if (previous >= 0
          && next >= 0
          && page.block(previous).kind() != Block.Kind.HEADING
          && page.block(next).kind() == Block.Kind.HEADING) {
        page.note(
            "Dropped image caption (a line with no text under it before the next heading): \""
                + page.text(i)
                + "\"");
        page.markChrome(i, "image caption");
        page.matched(name());
      }
    }
  }
}
