package org.sigportal.discussion;

import org.sigportal.base.ConcurrentEditException;

import java.io.Serial;

/**
 * Someone else saved the post while it was being edited: nothing is overwritten, and both texts travel back so the
 * editor can show them side by side.
 */
public class PostConflictException extends ConcurrentEditException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String yours;
    private final String theirs;
    private final int currentVersion;

    public PostConflictException(String yours, String theirs, int currentVersion) {
        super("discussions.error.conflict");
        this.yours = yours;
        this.theirs = theirs;
        this.currentVersion = currentVersion;
    }

    public String yours() {
        return yours;
    }

    public String theirs() {
        return theirs;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
