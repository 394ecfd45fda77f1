@NullMarked
package org.sigportal.notification.ui;

import org.jspecify.annotations.NullMarked;
