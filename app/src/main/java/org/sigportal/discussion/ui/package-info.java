@NullMarked
package org.sigportal.discussion.ui;

import org.jspecify.annotations.NullMarked;
