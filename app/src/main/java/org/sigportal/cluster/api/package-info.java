@NullMarked
package org.sigportal.cluster.api;

import org.jspecify.annotations.NullMarked;
