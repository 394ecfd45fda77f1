@NullMarked
package org.sigportal.notification.internal;

import org.jspecify.annotations.NullMarked;
