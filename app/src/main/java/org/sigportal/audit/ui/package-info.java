@NullMarked
package org.sigportal.audit.ui;

import org.jspecify.annotations.NullMarked;
