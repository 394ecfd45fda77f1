package org.sigportal.base;

import java.io.Serial;

/** Someone else changed the record since it was loaded: the edit is refused, nothing is overwritten. */
public class ConcurrentEditException extends PortalException {

    @Serial
    private static final long serialVersionUID = 1L;

    public ConcurrentEditException() {
        super(Kind.CONFLICT, "error.concurrent-edit");
    }

    /** A conflict whose message says more about what to do than the generic one. */
    public ConcurrentEditException(String messageKey, Object... arguments) {
        super(Kind.CONFLICT, messageKey, arguments);
    }
}
