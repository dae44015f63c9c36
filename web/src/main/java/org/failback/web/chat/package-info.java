/** The Persistent Chat API: the chat pool, its failover and failback jobs, active servers, rooms and messages. */
package org.failback.web.chat;
