/** The Front End pool API: pools, their state machine and settings, their users, and topology creation. */
package org.failback.web.pool;
