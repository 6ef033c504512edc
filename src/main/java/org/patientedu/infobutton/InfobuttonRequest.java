package org.patientedu.infobutton;

import java.util.List;
import org.patientedu.terminology.CodeSystemOids;

/**
 * A parsed Infobutton request: what to look up, for whom, and how to answer.
 *
 * @param criteria the main search criteria in order (suffix 0, 1, 2, ...)
 * @param language the recipient's language as a primary subtag ("en", "es"), never null
 * @param recipient PAT or PROV, null when not given
 * @param format the answer format
 * @param callback the JSONP callback (only with {@link ResponseFormat#JSONP})
 */
record InfobuttonRequest(
    List<Criterion> criteria,
    String language,
    String recipient,
    ResponseFormat format,
    String callback) {

  /**
   * One mainSearchCriteria: a code in a code system, or only a display name.
   *
   * @param codeSystem null for a name-only criterion
   */
  record Criterion(CodeSystemOids codeSystem, String code, String displayName) {

    boolean byName() {
      return code == null;
    }
  }

  InfobuttonRequest {
    criteria = List.copyOf(criteria);
  }

  /** The request without its callback: everything the answer's body depends on. */
  InfobuttonRequest withoutCallback() {
    return callback == null
        ? this
        : new InfobuttonRequest(criteria, language, recipient, format, null);
  }
}
