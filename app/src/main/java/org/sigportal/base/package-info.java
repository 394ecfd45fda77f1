/**
 * The foundation every feature builds on: main layout and navigation, i18n, error handling,
 * roles, demo content and shared value types. Open: features may use any of its packages.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.sigportal.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
