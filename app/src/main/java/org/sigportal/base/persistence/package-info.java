/**
 * Small helpers the features' repositories share for the two databases the portal runs on (H2 and PostgreSQL).
 */
@NullMarked
package org.sigportal.base.persistence;

import org.jspecify.annotations.NullMarked;
