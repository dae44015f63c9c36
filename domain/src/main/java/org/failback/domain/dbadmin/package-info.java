/** The database-administration port (backup, verify, restore, mirroring, log shipping) and its validated names and paths. */
package org.failback.domain.dbadmin;
