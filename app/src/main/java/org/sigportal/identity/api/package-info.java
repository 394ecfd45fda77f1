@NullMarked
package org.sigportal.identity.api;

import org.jspecify.annotations.NullMarked;
