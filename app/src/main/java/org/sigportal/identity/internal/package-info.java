@NullMarked
package org.sigportal.identity.internal;

import org.jspecify.annotations.NullMarked;
