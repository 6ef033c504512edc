package org.patientedu.fhirserver.searchindex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the plain indexes OpenSearch creates by itself under the names of Hibernate Search's
 * aliases, before Hibernate Search looks at the cluster.
 *
 * <p>HAPI's layout keeps each full-text index as {@code resourcetable-000001} behind the aliases
 * {@code resourcetable-write} and {@code resourcetable-read}. When that index is lost while nodes
 * run (an operator's mistake, a new cluster), the next write of a running node goes to {@code
 * resourcetable-write}, and OpenSearch, which creates a missing index on a write, creates a plain
 * index with that name. Hibernate Search then cannot start on the cluster (the name is not an index
 * name of its layout), so no node could start again. Such an index holds only the few documents
 * written since the loss, all of them in the database: deleting it loses nothing, because the node
 * then finds the index short and rebuilds it from the database ({@link FullTextIndexRebuild}).
 *
 * <p>Only the aliases of the indexes HAPI maps are touched, never another application's index on a
 * shared cluster. Written with the cluster's low-level REST client (the one Hibernate Search uses)
 * because Hibernate Search offers nothing before it starts, and starting is what fails.
 */
final class StrayAliasIndexes {

  /** The indexes HAPI 8.8 maps with Hibernate Search: resources and terminology concepts. */
  static final List<String> HIBERNATE_SEARCH_INDEXES = List.of("resourcetable", "termconcept");

  private static final Logger log = LoggerFactory.getLogger(StrayAliasIndexes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private StrayAliasIndexes() {}

  /** Deletes every plain index named as one of the aliases; returns the names deleted. */
  static List<String> remove(OpenSearchProperties properties) {
    List<String> removed = new ArrayList<>();
    try (RestClient client = client(properties)) {
      for (String index : HIBERNATE_SEARCH_INDEXES) {
        for (String alias : List.of(index + "-write", index + "-read")) {
          long documents = plainIndexDocuments(client, alias);
          if (documents >= 0) {
            client.performRequest(new Request("DELETE", "/" + alias));
            removed.add(alias);
            log.warn(
                "Deleted the index '{}' ({} documents) that OpenSearch created by itself when a node"
                    + " wrote while the full-text index was missing; the index is rebuilt from the"
                    + " database before this node is ready",
                alias,
                documents);
          }
        }
      }
    } catch (IOException e) {
      // Hibernate Search reports an unreachable cluster itself, in its own words, a moment later.
      log.warn("Could not check OpenSearch for indexes named as aliases: {}", e.getMessage());
    }
    return removed;
  }

  /**
   * The alias names of HAPI's layout that are not aliases right now: missing, or taken by a plain
   * index. Empty when the layout is whole.
   */
  static List<String> aliasesNotInPlace(OpenSearchProperties properties) throws IOException {
    List<String> notInPlace = new ArrayList<>();
    try (RestClient client = client(properties)) {
      for (String index : HIBERNATE_SEARCH_INDEXES) {
        for (String alias : List.of(index + "-write", index + "-read")) {
          try {
            client.performRequest(new Request("GET", "/_alias/" + alias));
          } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() != 404) {
              throw e;
            }
            notInPlace.add(alias);
          }
        }
      }
    }
    return notInPlace;
  }

  /**
   * Puts HAPI's layout back for each index in {@code createIndexBodies} (Hibernate Search index
   * name to its create-index request body): creates the index {@code <name>-000001}, lower case
   * (the initial name of HAPI's layout strategy) with the body's settings and mappings if it is
   * missing, then, in one atomic alias request, deletes the plain indexes named as its aliases and
   * adds the aliases. A write that recreates a stray index in between makes the alias request fail,
   * and nothing changes; the caller tries again.
   */
  static void restoreLayout(OpenSearchProperties properties, Map<String, String> createIndexBodies)
      throws IOException {
    try (RestClient client = client(properties)) {
      for (Map.Entry<String, String> expected : createIndexBodies.entrySet()) {
        // Hibernate Search's index names are entity names (ResourceTable); OpenSearch's lower case
        String index = expected.getKey().toLowerCase(Locale.ROOT) + "-000001";
        ObjectNode body = (ObjectNode) JSON.readTree(expected.getValue());
        JsonNode aliases = body.remove("aliases");
        if (!exists(client, index)) {
          Request create = new Request("PUT", "/" + index);
          create.setJsonEntity(JSON.writeValueAsString(body));
          client.performRequest(create);
          log.info("Created the full-text index '{}' as Hibernate Search expects it", index);
        }
        ArrayNode actions = JSON.createArrayNode();
        for (Map.Entry<String, JsonNode> alias : aliases.properties()) {
          long strayDocuments = plainIndexDocuments(client, alias.getKey());
          if (strayDocuments >= 0) {
            actions.addObject().putObject("remove_index").put("index", alias.getKey());
            log.warn(
                "Replacing the index '{}' ({} documents) that OpenSearch created by itself when a"
                    + " node wrote while the full-text index was missing; the index is rebuilt"
                    + " from the database before this node is ready",
                alias.getKey(),
                strayDocuments);
          }
          ObjectNode add = actions.addObject().putObject("add");
          add.put("index", index).put("alias", alias.getKey());
          add.setAll((ObjectNode) alias.getValue());
        }
        Request swap = new Request("POST", "/_aliases");
        swap.setJsonEntity(
            JSON.writeValueAsString(JSON.createObjectNode().set("actions", actions)));
        try {
          client.performRequest(swap);
        } catch (ResponseException raced) {
          log.warn("Could not put the aliases of '{}' in place: {}", index, raced.getMessage());
        }
      }
    }
  }

  /** The low-level client answers a HEAD's 404 as a response, not as an exception. */
  private static boolean exists(RestClient client, String index) throws IOException {
    return client.performRequest(new Request("HEAD", "/" + index)).getStatusLine().getStatusCode()
        == 200;
  }

  /**
   * The number of documents of {@code name} if it is a plain index, or -1 if it is missing or an
   * alias. {@code GET /name} answers with the concrete indexes under their own names, so an alias
   * comes back as {@code resourcetable-000001} and a plain index as itself.
   */
  private static long plainIndexDocuments(RestClient client, String name) throws IOException {
    JsonNode indexes;
    try {
      indexes = read(client.performRequest(new Request("GET", "/" + name)));
    } catch (ResponseException e) {
      if (e.getResponse().getStatusLine().getStatusCode() == 404) {
        return -1;
      }
      throw e;
    }
    if (!indexes.has(name)) {
      return -1;
    }
    return read(client.performRequest(new Request("GET", "/" + name + "/_count")))
        .path("count")
        .asLong();
  }

  private static JsonNode read(Response response) throws IOException {
    try (InputStream body = response.getEntity().getContent()) {
      return JSON.readTree(body);
    }
  }

  private static RestClient client(OpenSearchProperties properties) {
    URI url = properties.url();
    RestClientBuilder builder =
        RestClient.builder(new HttpHost(url.getHost(), properties.port(), url.getScheme()));
    if (!properties.username().isBlank()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY,
          new UsernamePasswordCredentials(properties.username(), properties.password()));
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    return builder.build();
  }
}
