@NullMarked
package org.sigportal.base.i18n;

import org.jspecify.annotations.NullMarked;
