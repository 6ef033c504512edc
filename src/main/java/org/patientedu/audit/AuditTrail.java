package org.patientedu.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.IdType;
import org.patientedu.security.Grant;
import org.patientedu.security.SmartCaller;
import org.patientedu.security.SmartScope.Permission;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where AuditEvents go: the FHIR store, in the same database, written in the request's own thread
 * before it is answered; nothing waits in a memory queue that a crash would lose. The events of a
 * write's creates, updates and deletes are stored right after the write commits, all in one
 * transaction of their own (joining the write's transaction broke HAPI's inserts when a deleted
 * resource was written again; one transaction per event made a 205-entry transaction bundle take
 * 205 commits and index flushes). Only a crash between the two commits can lose a write's events.
 * Any other event (a read, a search, an operation, a refusal) gets a transaction of its own: a
 * read's transaction may be read-only.
 *
 * <p>Reads and searches of the public catalog are not stored one by one (they are most of the
 * traffic and say nothing about a patient): they are counted, in the Micrometer counter {@value
 * #CATALOG_READS} tagged with the interaction and the resource type. A read is a catalog read when
 * it is of a Library, or of a DocumentReference or Binary by a caller who can see only the public
 * ones of that type. Everything else is stored, the reads and searches of a caller who could see
 * patient records included. {@code edu.audit.record-catalog-reads} stores catalog reads too.
 */
final class AuditTrail implements IBalpAuditEventSink {

  static final String CATALOG_READS = "edu.catalog.reads";
  static final String CATALOG_SEARCHES_CACHED = "edu.catalog.searches.cached";

  private static final Set<String> READ_PROFILES =
      Set.of(
          BalpProfileEnum.BASIC_READ.getProfileUrl(), BalpProfileEnum.BASIC_QUERY.getProfileUrl());

  private static final Set<AuditEventAction> WRITES =
      Set.of(AuditEventAction.C, AuditEventAction.U, AuditEventAction.D);

  private final DaoRegistry daoRegistry;
  private final MeterRegistry meters;
  private final boolean recordCatalogReads;
  private final TransactionTemplate ownTransaction;

  AuditTrail(
      DaoRegistry daoRegistry,
      MeterRegistry meters,
      boolean recordCatalogReads,
      PlatformTransactionManager transactions) {
    this.daoRegistry = daoRegistry;
    this.meters = meters;
    this.recordCatalogReads = recordCatalogReads;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void recordAuditEvent(AuditEvent event) {
    if (!recordCatalogReads && isBalpRead(event)) {
      String type = readResourceType(event);
      if (isCatalogRead(type, SmartCaller.current())) {
        countCatalogRead(event.getSubtypeFirstRep().getCode(), type);
        return;
      }
    }
    store(event);
  }

  void store(AuditEvent event) {
    if (WRITES.contains(event.getAction())
        && TransactionSynchronizationManager.isSynchronizationActive()
        && TransactionSynchronizationManager.isActualTransactionActive()) {
      pendingUntilCommit().add(event);
    } else {
      ownTransaction.executeWithoutResult(status -> create(event));
    }
  }

  /** The events of the current write transaction, stored together once it commits. */
  private List<AuditEvent> pendingUntilCommit() {
    @SuppressWarnings("unchecked")
    List<AuditEvent> pending =
        (List<AuditEvent>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      List<AuditEvent> events = new ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, events);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              ownTransaction.executeWithoutResult(
                  status -> events.forEach(AuditTrail.this::create));
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            }
          });
      pending = events;
    }
    return pending;
  }

  private void create(AuditEvent event) {
    daoRegistry.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
  }

  void countCatalogRead(String interaction, String type) {
    Counter.builder(CATALOG_READS)
        .description("Reads and searches of the public catalog (not stored as AuditEvents)")
        .tag("interaction", String.valueOf(interaction))
        .tag("type", type)
        .register(meters)
        .increment();
  }

  static boolean isCatalogRead(String type, Grant caller) {
    return switch (type) {
      case "Library" -> true;
      case "DocumentReference", "Binary" ->
          !caller.allows(type, Permission.READ) && !caller.allows(type, Permission.SEARCH);
      default -> false;
    };
  }

  private static boolean isBalpRead(AuditEvent event) {
    return event.getMeta().getProfile().stream()
        .anyMatch(profile -> READ_PROFILES.contains(profile.getValue()));
  }

  /**
   * The type read: from the entity of a read, or the path of a search's query (BALP records {@code
   * <server base>/<path>?<parameters>}).
   */
  private static String readResourceType(AuditEvent event) {
    for (AuditEventEntityComponent entity : event.getEntity()) {
      if (entity.getWhat().hasReference()) {
        IIdType id = new IdType(entity.getWhat().getReference());
        if (id.hasResourceType()) {
          return id.getResourceType();
        }
      }
      if (entity.hasQuery()) {
        String query = new String(entity.getQuery(), StandardCharsets.UTF_8);
        String base = event.getSource().getObserver().getDisplay();
        if (base != null && query.startsWith(base + "/")) {
          return query.substring(base.length() + 1).split("[/?]", 2)[0];
        }
      }
    }
    return "";
  }
}
