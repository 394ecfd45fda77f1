@NullMarked
package org.sigportal.base.demo;

import org.jspecify.annotations.NullMarked;
