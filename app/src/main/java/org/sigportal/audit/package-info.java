@NullMarked
package org.sigportal.audit;

import org.jspecify.annotations.NullMarked;
