package org.sigportal.discussion;

/** Open for replies; answered (still open for replies); locked (no more replies). */
public enum ThreadStatus { OPEN, ANSWERED, LOCKED }
