@NullMarked
package org.sigportal.notification.api;

import org.jspecify.annotations.NullMarked;
