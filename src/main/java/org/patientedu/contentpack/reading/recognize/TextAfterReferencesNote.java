package org.patientedu.contentpack.reading.recognize;

import java.util.ArrayList;
import java.util.List;

/**
 * Claims nothing: flags article text that comes after the reference list, where blogs often put
 * series boxes or promotions. It is kept (never drop article text on a guess) but a human should
 * look.
 */
final class TextAfterReferencesNote implements Recognizer {

  @Override
  public void apply(PageWorkspace page) {
    int lastReference = -1;
    for (int i = 0; i < page.size(); i++) {
      String text = page.text(i);
      if (page.role(i) == PageWorkspace.Role.CREDIT
          && page.credits().citations().stream().anyMatch(text::contains)) {
        lastReference = i;
      }
    }
    if (lastReference < 0) {
      return;
    }
    List<String> after = new ArrayList<>();
    for (int i = page.nextArticle(lastReference); i >= 0; i = page.nextArticle(i)) {
      String text = page.text(i);
      after.add(text.length() <= 50 ? text : text.substring(0, 47) + "...");
    }
    if (!after.isEmpty()) {
      page.note(
          after.size()
              + " block(s) after the references kept as article text (check they are the "
              + "author's text, not site chrome): \""
              + String.join("\", \"", after)
              + "\"");
    }
  }
}
