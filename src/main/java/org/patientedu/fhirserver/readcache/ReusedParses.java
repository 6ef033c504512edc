package org.patientedu.fhirserver.readcache;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.IJpaStorageResourceParser;
import ca.uhn.fhir.jpa.dao.IResourceMetadataExtractorSvc;
import ca.uhn.fhir.jpa.esr.ExternallyStoredResourceServiceRegistry;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.BaseTag;
import ca.uhn.fhir.jpa.model.entity.ResourceEncodingEnum;
import ca.uhn.fhir.jpa.model.entity.ResourceHistoryTable;
import ca.uhn.fhir.jpa.partition.IPartitionLookupSvc;
import ca.uhn.fhir.jpa.search.BatchResourceLoader;
import ca.uhn.fhir.util.IMetaTagSorter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Primary;

/**
 * HAPI's loader of the resources a search answers with, keeping what it parsed. Parsing the stored
 * JSON, and the narrative's XHTML above all (the FHIR core XHTML parser builds its entity table for
 * every narrative), was the largest part of an uncached search at 10,000 pages (JFR, see the
 * README's catalog benchmark). HAPI has no such cache, so it is written here.
 *
 * <p>What makes it safe: a stored version (a resource's pid and version number) never changes in
 * HAPI's store; an update, a patch or a delete makes a new version, on any node. Only tags can
 * change without one ({@code $meta-add}, refused by this server's authorization but kept correct
 * anyway), so a kept parse is used only while the version's tags are the ones it was made with.
 * Every caller gets its own copy with HAPI's metadata put back, since HAPI marks the resources it
 * hands out (search mode, for one). The cache is bounded by the stored text's length.
 */
@Primary // HAPI's SearchConfig asks for its loader by type: this one takes the place of HAPI's
final class ReusedParses extends BatchResourceLoader {

  static final String REUSED = "edu.search.parses.reused";

  private record StoredVersion(long pid, long version, boolean forHistory) {}

  private record Parse(Resource resource, Set<Long> tagIds, int weight) {}

  private final Cache<StoredVersion, Parse> parses;
  private final IResourceMetadataExtractorSvc metadata;
  private final IJpaStorageResourceParser storageParser;
  private final boolean partitioned;
  private final LongAdder reused = new LongAdder();

  ReusedParses(
      FhirContext context,
      IResourceMetadataExtractorSvc metadata,
      IJpaStorageResourceParser storageParser,
      ExternallyStoredResourceServiceRegistry externallyStored,
      IMetaTagSorter tagSorter,
      PartitionSettings partitionSettings,
      IPartitionLookupSvc partitionLookup,
      ReadCacheProperties properties,
      MeterRegistry meters) {
    super(
        context,
        metadata,
        storageParser,
        externallyStored,
        tagSorter,
        partitionSettings,
        partitionLookup);
    this.metadata = metadata;
    this.storageParser = storageParser;
    // partition details are put on each resource by HAPI's own post-processing, not repeated here
    this.partitioned = partitionSettings.isPartitioningEnabled();
    this.parses =
        Caffeine.newBuilder()
            .maximumWeight(properties.parsedMaxSize().toBytes())
            .<StoredVersion, Parse>weigher((version, parse) -> parse.weight())
            .build();
    FunctionCounter.builder(REUSED, this, ReusedParses::reused)
        .description("Resources in search answers handed out from a kept parse")
        .register(meters);
  }

  @Override
  public List<ResourceLoadResult> loadResources(
      List<ResourceHistoryTable> entities, boolean forHistory) {
    if (partitioned || entities.isEmpty()) {
      return super.loadResources(entities, forHistory);
    }
    // The same one query HAPI's loader makes; the order of the answer does not matter to HAPI,
    // which places each resource by its pid.
    Map<JpaPid, Collection<BaseTag>> tags = metadata.getTagsBatch(entities);
    List<ResourceLoadResult> results = new ArrayList<>(entities.size());
    // by pid: a page names each resource once, and HAPI's answer is matched back by pid
    Map<JpaPid, ResourceHistoryTable> toParse = new HashMap<>();
    for (ResourceHistoryTable entity : entities) {
      Collection<BaseTag> itsTags = tags.getOrDefault(entity.getResourceId(), List.of());
      Parse kept = reusable(entity) ? parses.getIfPresent(key(entity, forHistory)) : null;
      if (kept != null && kept.tagIds().equals(tagIds(itsTags))) {
        Resource copy = kept.resource().copy();
        // back what copy() leaves out: HAPI's metadata kept as user data (pid, published, updated)
        storageParser.populateResourceMetadata(
            entity, forHistory, itsTags, entity.getVersion(), copy);
        results.add(new ResourceLoadResult(entity.getResourceId(), copy, false));
        reused.increment();
      } else {
        toParse.put(entity.getResourceId(), entity);
      }
    }
    if (toParse.isEmpty()) {
      return results;
    }
    for (ResourceLoadResult parsed :
        super.loadResources(new ArrayList<>(toParse.values()), forHistory)) {
      ResourceHistoryTable entity = toParse.get(parsed.pid());
      if (entity != null
          && reusable(entity)
          && !parsed.isDeleted()
          && parsed.resource() instanceof Resource resource) {
        Collection<BaseTag> itsTags = tags.getOrDefault(entity.getResourceId(), List.of());
        // kept as parsed, before anyone downstream marks the instance handed out
        parses.put(
            key(entity, forHistory),
            new Parse(resource.copy(), tagIds(itsTags), storedLength(entity)));
      }
      results.add(parsed);
    }
    return results;
  }

  /** How many resources were handed out from a kept parse instead of parsed again. */
  long reused() {
    return reused.sum();
  }

  private static boolean reusable(ResourceHistoryTable entity) {
    // an externally stored body can change behind a version; it is read again every time
    return entity.getEncoding() != ResourceEncodingEnum.ESR && !entity.isDeleted();
  }

  /** The stored text's length: what the bound counts (a parse takes a few times as much heap). */
  private static int storedLength(ResourceHistoryTable entity) {
    String text = entity.getResourceTextVc();
    if (text != null) {
      return text.length();
    }
    byte[] bytes = entity.getResource();
    return bytes == null ? 0 : bytes.length;
  }

  private static StoredVersion key(ResourceHistoryTable entity, boolean forHistory) {
    return new StoredVersion(entity.getResourceId().getId(), entity.getVersion(), forHistory);
  }

  private static Set<Long> tagIds(Collection<BaseTag> tags) {
    return tags.stream().map(BaseTag::getTagId).collect(Collectors.toSet());
  }
}
