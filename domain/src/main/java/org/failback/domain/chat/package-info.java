/** Persistent Chat: the chat pool's state machine, its servers and the active-server rule, rooms and messages. */
package org.failback.domain.chat;
