/** The SQL side over HTTP: instances and the command log, and the log shipping of a chat pool. */
package org.failback.web.sql;
