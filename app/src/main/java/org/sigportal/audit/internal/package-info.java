@NullMarked
package org.sigportal.audit.internal;

import org.jspecify.annotations.NullMarked;
