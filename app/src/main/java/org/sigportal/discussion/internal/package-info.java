@NullMarked
package org.sigportal.discussion.internal;

import org.jspecify.annotations.NullMarked;
