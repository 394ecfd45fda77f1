package org.sigportal.identity;

import org.sigportal.base.PortalException;

import java.io.Serial;

/** Input refused with a message for one field of the form it came from. */
public class InvalidInputException extends PortalException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    @Override
    public String field() {
        return field;
    }
}
