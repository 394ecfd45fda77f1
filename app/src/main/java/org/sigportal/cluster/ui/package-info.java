@NullMarked
package org.sigportal.cluster.ui;

import org.jspecify.annotations.NullMarked;
