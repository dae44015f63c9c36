package org.failback.domain.dbadmin;

import java.util.List;

/**
 * Whether the account that copies and restores backups can read the log-shipping share and write the local copy
 * folder (seed 003's note on the Agent account), checked on the engine, not assumed: each missing right named.
 */
public record ShareAccess(String account, List<Missing> missing) {

    public ShareAccess {
        missing = List.copyOf(missing);
    }

    public boolean ok() {
        return missing.isEmpty();
    }

    /** A right the account lacks on a path, and what the check saw. */
    public record Missing(String path, Right right, String reason) {}

    public enum Right {
        READ,
        WRITE
    }

    /** One sentence naming the account, each path and each missing right. */
    public String describe() {
        if (ok()) {
            return "account " + account + " can read the share and write the copy folder";
        }
        StringBuilder text = new StringBuilder("account ").append(account).append(" lacks ");
        for (int i = 0; i < missing.size(); i++) {
            Missing m = missing.get(i);
            text.append(i == 0 ? "" : "; and ")
                    .append(m.right())
                    .append(" on ")
                    .append(m.path())
                    .append(" (")
                    .append(m.reason())
                    .append(')');
        }
        return text.toString();
    }
}
