/** The client API for conferences and peer-to-peer sessions once they exist: read, modify, join, leave. */
package org.failback.web.conferencing;
