package org.sigportal.audit;

/** How an audited operation ended. */
public enum AuditOutcome {
    SUCCESS,
    /** The operation was attempted and failed (validation, conflict, remote refusal). */
    FAILURE,
    /** The actor was not allowed to do it. */
    DENIED
}
