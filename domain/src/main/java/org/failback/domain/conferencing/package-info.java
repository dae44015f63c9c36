/** Conferences and peer-to-peer sessions, and what outages and failback do to them. */
package org.failback.domain.conferencing;
