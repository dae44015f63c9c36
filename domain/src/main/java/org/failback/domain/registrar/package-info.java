/** Users homed on a pool, their registration (serving pool, mode), presence, contacts and failback status. */
package org.failback.domain.registrar;
