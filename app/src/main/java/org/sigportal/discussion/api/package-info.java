@NullMarked
package org.sigportal.discussion.api;

import org.jspecify.annotations.NullMarked;
