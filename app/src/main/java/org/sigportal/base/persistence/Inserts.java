package org.sigportal.base.persistence;

import org.springframework.dao.DuplicateKeyException;

import java.util.function.IntSupplier;

/** Inserts that may meet a row someone inserted a moment ago. */
public final class Inserts {

    private Inserts() {
    }

    /**
     * Runs an insert that says "on conflict do nothing" and answers how many rows it inserted. PostgreSQL keeps that
     * promise under concurrency; H2 runs it as a MERGE, which a concurrent insert of the same key can still beat with
     * a duplicate-key error: that counts as "nothing inserted" too. (On H2 such an error does not spoil the
     * transaction.)
     */
    public static int ignoringDuplicate(IntSupplier insert) {
        try {
            return insert.getAsInt();
        } catch (DuplicateKeyException e) {
            return 0;
        }
    }
}
