@NullMarked
package org.sigportal.identity;

import org.jspecify.annotations.NullMarked;
