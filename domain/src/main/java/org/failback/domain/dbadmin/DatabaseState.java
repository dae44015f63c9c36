package org.failback.domain.dbadmin;

/**
 * A managed database as its instance shows it: {@code state} ({@code ONLINE}, {@code RESTORING}, …), {@code
 * recoveryModel} ({@code FULL}, {@code SIMPLE}; {@code NONE} on engines without one) and {@code mirroring} ({@code
 * NONE}, or the mirroring role and state).
 */
public record DatabaseState(DatabaseName name, String state, String recoveryModel, String mirroring) {}
