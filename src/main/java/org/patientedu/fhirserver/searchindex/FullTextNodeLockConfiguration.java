package org.patientedu.fhirserver.searchindex;

import org.patientedu.fhirserver.LocalCommits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Which kind of node this is for {@link FullTextNodeLock}, and so whether it is its database's only
 * writer ({@link LocalCommits}). Static: the lock post-processes the DataSource, so it must exist
 * before other beans.
 */
@Configuration(proxyBeanMethods = false)
class FullTextNodeLockConfiguration {

  @Bean
  @Profile("!opensearch")
  static FullTextNodeLock localIndexNodeLock() {
    return new FullTextNodeLock(FullTextNodeLock.Index.LOCAL);
  }

  @Bean
  @Profile("opensearch")
  static FullTextNodeLock sharedIndexNodeLock() {
    return new FullTextNodeLock(FullTextNodeLock.Index.SHARED);
  }

  /** A node with a local index is alone on its database, by the lock above. */
  @Bean
  LocalCommits localCommits(FullTextNodeLock nodeLock) {
    return new LocalCommits(nodeLock.aloneOnItsDatabase());
  }
}
