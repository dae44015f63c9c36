/**
 * What a client does for its user (sign in and out, presence, contacts), each request judged by the experience
 * policy before the registrar changes anything. Kept apart from the registrar so the policy can read registrar
 * values without the registrar depending back on the policy.
 */
package org.failback.domain.client;
