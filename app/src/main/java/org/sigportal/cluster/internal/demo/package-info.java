/**
 * The demo fleet: an in-process, simulated Kubernetes API server (loopback only, started only in demo mode) and
 * the realistic clusters it serves. The portal reaches it through the same fabric8 client code as a real cluster.
 */
@NullMarked
package org.sigportal.cluster.internal.demo;

import org.jspecify.annotations.NullMarked;
