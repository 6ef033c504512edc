package org.patientedu.fhirserver.readcache;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.patientedu.fhirserver.readcache.CurrentVersions.Fingerprint;
import org.springframework.dao.DataAccessException;

/**
 * Questions for an {@link EncodedAnswerFilter} whose answers are never stale: the key holds a
 * fingerprint (count and version sum, see {@link CurrentVersions}) of every resource type the
 * answer reads, asked of the database on every request. Any write on any node changes it, so the
 * next request misses and is answered fresh.
 *
 * <p>An answer is kept only if the fingerprint was the same after the chain answered, so a write
 * racing the request never leaves an old answer under the new fingerprint, and only once this node
 * has seen that fingerprint hold for a settle time ({@code edu.read-cache.settle}): the full-text
 * index takes a change a moment after the database commits it (on OpenSearch, up to a refresh), and
 * an answer that searched the text in between must not be kept.
 */
public final class FingerprintedQuestions {

  /** The shortest settle time: an index refresh (OpenSearch's default interval) must fit in it. */
  static final Duration MIN_SETTLE = Duration.ofSeconds(1);

  /** A fingerprint of some types, and when this node first saw it. */
  private record Seen(Fingerprint fingerprint, long sinceNanos) {}

  private final CurrentVersions currentVersions;

  /** How long a fingerprint must have held before answers under it are kept (see above). */
  private final Duration settle;

  private final Map<List<String>, Seen> firstSeen = new ConcurrentHashMap<>();

  FingerprintedQuestions(CurrentVersions currentVersions, Duration settle) {
    if (settle.compareTo(MIN_SETTLE) < 0) {
      throw new IllegalStateException(
          "edu.read-cache.settle ("
              + settle
              + ") must be at least "
              + MIN_SETTLE
              + ": a full-text index may take that long to show a change");
    }
    this.currentVersions = currentVersions;
    this.settle = settle;
  }

  /**
   * The question for an answer that reads {@code typesRead} and depends on nothing else but {@code
   * key} ({@code shown} names it in the debug log); null when the database could not give the
   * fingerprint: the request then goes on down the chain, whose failure answers (503 while the
   * database is away) are the ones a caller should get, not a cache's.
   */
  public EncodedAnswerFilter.Question question(String key, String shown, List<String> typesRead) {
    Fingerprint before = fingerprintOrNull(typesRead);
    if (before == null) {
      return null;
    }
    // Decided before the chain runs: an answer computed while the index may lag is never kept.
    boolean settled = System.nanoTime() - firstSeen(typesRead, before) >= settle.toNanos();
    return new EncodedAnswerFilter.Question(
        key + "\n" + before,
        shown,
        null,
        (HttpServletResponse answered) -> settled && before.equals(fingerprintOrNull(typesRead)));
  }

  private Fingerprint fingerprintOrNull(List<String> types) {
    try {
      return currentVersions.fingerprint(types);
    } catch (DataAccessException databaseAway) {
      return null;
    }
  }

  /** When this node first saw {@code fingerprint} for {@code types}, in nanoTime. */
  private long firstSeen(List<String> types, Fingerprint fingerprint) {
    return firstSeen
        .compute(
            types,
            (key, last) ->
                last != null && last.fingerprint().equals(fingerprint)
                    ? last
                    : new Seen(fingerprint, System.nanoTime()))
        .sinceNanos();
  }
}
