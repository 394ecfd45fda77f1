/**
 * Secrets kept in the database (cluster credentials, webhook secrets), encrypted at rest with the portal's
 * secrets key.
 */
@NullMarked
package org.sigportal.base.secrets;

import org.jspecify.annotations.NullMarked;
