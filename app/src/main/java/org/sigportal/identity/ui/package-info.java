@NullMarked
package org.sigportal.identity.ui;

import org.jspecify.annotations.NullMarked;
