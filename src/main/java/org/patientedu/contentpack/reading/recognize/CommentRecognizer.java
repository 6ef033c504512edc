package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/**
 * Comment forms ("Leave a Comment", "Your email address will not be published...", "1 comment") and
 * the reader-comment list printed right before the form.
 */
final class CommentRecognizer implements Recognizer {

  private static final Pattern FORM =
      Pattern.compile(
          "(?i)^(?:your email address will not be published\\b.*|"
              + "leave a (?:comment|reply)|\\d+ comments?|no comments(?: yet)?|post comment|add a comment|"
              + "comments are closed\\.?)$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || !FORM.matcher(page.text(i)).matches()) {
        continue;
      }
      page.markChrome(i, "comment form");
      page.matched(name());
      // WordPress prints the reader comments as a list just above the form.
      int k = i - 1;
      while (k >= 0 && page.role(k) == PageWorkspace.Role.CHROME) {
        k--;
      }
      while (k >= 0 && page.isArticle(k) && page.block(k).isList()) {
        page.markChrome(k, "reader comment");
        k--;
      }
    }
  }
}
