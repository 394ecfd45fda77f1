@NullMarked
package org.sigportal.home;

import org.jspecify.annotations.NullMarked;
