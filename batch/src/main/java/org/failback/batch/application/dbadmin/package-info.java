/** Use cases over the managed databases: the SQL instances of the topology, their databases and the command log. */
package org.failback.batch.application.dbadmin;
