package org.failback.domain.chat;

import java.util.Objects;
import org.failback.domain.pool.PoolName;

/** A Persistent Chat server of a pool ({@code chat1.dc1}), the site it stands in, and whether it is active. */
public record ChatServer(String name, String site, boolean active) {

    public ChatServer {
        name = PoolName.of(Objects.requireNonNull(name, "chat server name")).value();
        Objects.requireNonNull(site, "site");
    }
}
