@NullMarked
package org.sigportal.home.ui;

import org.jspecify.annotations.NullMarked;
