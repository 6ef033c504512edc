package org.patientedu.cdshooks;

/** The CDS Hooks 2.0 hooks these services answer, with the context each requires. */
enum Hook {
  PATIENT_VIEW("patient-view", false, false),
  ENCOUNTER_START("encounter-start", true, false),
  ORDER_SELECT("order-select", false, true),
  ORDER_SIGN("order-sign", false, true);

  private final String code;
  private final boolean encounterRequired;
  private final boolean orders;

  Hook(String code, boolean encounterRequired, boolean orders) {
    this.code = code;
    this.encounterRequired = encounterRequired;
    this.orders = orders;
  }

  String code() {
    return code;
  }

  /** context.encounterId is required (else optional). */
  boolean encounterRequired() {
    return encounterRequired;
  }

  /** The hook is about draft orders (context.draftOrders), not the chart's conditions. */
  boolean orders() {
    return orders;
  }
}
