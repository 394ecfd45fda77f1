@NullMarked
package org.sigportal.cluster;

import org.jspecify.annotations.NullMarked;
