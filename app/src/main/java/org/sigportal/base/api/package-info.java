@NullMarked
package org.sigportal.base.api;

import org.jspecify.annotations.NullMarked;
