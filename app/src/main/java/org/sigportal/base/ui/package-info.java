@NullMarked
package org.sigportal.base.ui;

import org.jspecify.annotations.NullMarked;
