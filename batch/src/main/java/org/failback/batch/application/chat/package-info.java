/** Persistent Chat use cases: the pool and its active servers, the chat data path, the pchat failover and failback. */
package org.failback.batch.application.chat;
