@NullMarked
package org.sigportal.docs.ui;

import org.jspecify.annotations.NullMarked;
