/**
 * Full-text search in Chinese and English on H2 and PostgreSQL: {@link org.sigportal.base.search.SearchTokens}
 * makes the tokens stored with a text and the tokens a query needs, {@link org.sigportal.base.search.Highlighter}
 * marks matches in a snippet. Plain Java, no Spring.
 */
@NullMarked
package org.sigportal.base.search;

import org.jspecify.annotations.NullMarked;
