@NullMarked
package org.sigportal.docs;

import org.jspecify.annotations.NullMarked;
