/** JDBC stores of Persistent Chat: the pool, its servers and rooms (product database), and rooms and messages in mgc/mgccomp. */
package org.failback.batch.infrastructure.chat;
