/** The operators' portal (Jakarta Faces, PrimeFaces): dashboard, pool, job and run-history pages and CSV exports. */
package org.failback.web.portal;
