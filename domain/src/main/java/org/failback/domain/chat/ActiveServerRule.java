package org.failback.domain.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.failback.domain.pool.PoolName;

/**
 * Seed 003, step 6: "All the active servers must be located within the same data center as the new primary database,
 * or in a data center that has a low latency/high bandwidth connection to the database." Checked before anything
 * changes: a malformed or unknown name is bad input, a remote server a refusal.
 */
public final class ActiveServerRule {

    public static final int MAX_SERVERS = 32;

    private ActiveServerRule() {}

    /**
     * The requested list, validated and without repeats, in the order given.
     *
     * @param servers every server of the pool with its site
     * @param databaseSite the site of the database the servers will use
     * @param lowLatency whether two sites have a low-latency, high-bandwidth link
     */
    public static List<String> check(
            List<String> requested,
            Map<String, String> servers,
            String databaseSite,
            BiPredicate<String, String> lowLatency) {
        if (requested == null || requested.isEmpty()) {
            throw new IllegalArgumentException("activeServers must name at least one chat server");
        }
        if (requested.size() > MAX_SERVERS) {
            throw new IllegalArgumentException("activeServers takes at most " + MAX_SERVERS + " servers");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested) {
            String valid = PoolName.of(name == null ? "" : name).value();
            if (!servers.containsKey(valid)) {
                throw new IllegalArgumentException(
                        "no chat server named " + valid + " in this pool (servers: " + servers.keySet() + ")");
            }
            names.add(valid);
        }
        List<String> remote = new ArrayList<>();
        for (String name : names) {
            String site = servers.get(name);
            if (!site.equals(databaseSite) && !lowLatency.test(site, databaseSite)) {
                remote.add(name + " (site " + site + ")");
            }
        }
        if (!remote.isEmpty()) {
            throw new ChatRefusedException(
                    ChatRefusedException.Refusal.ACTIVE_SERVER_REMOTE,
                    "active servers must be in site " + databaseSite
                            + " (the database's) or in a site with a low-latency link to it; refused: " + remote);
        }
        return List.copyOf(names);
    }
}
