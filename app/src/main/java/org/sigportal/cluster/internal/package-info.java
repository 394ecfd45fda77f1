@NullMarked
package org.sigportal.cluster.internal;

import org.jspecify.annotations.NullMarked;
