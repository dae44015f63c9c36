package org.failback.batch.application.chat;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;
import org.failback.batch.infrastructure.chat.ChatDatabases;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.dbadmin.ManagedDatabases;
import org.failback.domain.chat.ChatNotFoundException;
import org.failback.domain.chat.ChatRefusedException;
import org.failback.domain.chat.ChatServer;
import org.failback.domain.chat.ChatText;
import org.failback.domain.chat.RoomName;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.registrar.SipUri;

/**
 * The chat data path: rooms and messages in the pool's active mgc, every message also in its mgccomp. A post needs a
 * reachable active server: refused (CHAT_UNAVAILABLE) while the pool is DOWN or FAILING_OVER and while the active
 * server list is empty (a failback between clearing and setting it).
 */
@ApplicationScoped
public class ChatRooms {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    @Resource(lookup = "java:jboss/datasources/FailbackDS")
    DataSource dataSource;

    @Inject
    ManagedDatabases databases;

    public record Message(long id, String sender, String text, java.time.Instant postedAt) {}

    /** Creates a room in {@code pool}; false when it exists there already (a room of another pool → refused). */
    public boolean create(String room, String pool) {
        String name = RoomName.of(room).value();
        return withPool(pool, (c, row) -> {
            ChatPoolStore store = new ChatPoolStore(c);
            var existing = store.roomPool(name);
            if (existing.isPresent()) {
                if (existing.get() != row.id()) {
                    throw new org.failback.domain.pool.IllegalTransitionException(
                            "room " + name + " exists in another chat pool");
                }
                return false;
            }
            available(c, row);
            chat(row).createRoom(name);
            return store.addRoom(name, row.id());
        });
    }

    /** Stores a message in mgc and in mgccomp; answers its id once both hold it. */
    public long post(String room, String sender, String text) {
        String name = RoomName.of(room).value();
        String from = SipUri.of(sender == null ? "" : sender).value();
        String body = ChatText.check(text);
        String pool = poolOfRoom(name);
        Lock read = ChatAvailability.of(pool).readLock();
        read.lock();
        try {
            return withPool(pool, (c, row) -> {
                available(c, row);
                return chat(row).post(name, from, body);
            });
        } finally {
            read.unlock();
        }
    }

    public List<Message> messages(String room, long after, int limit, boolean compliance) {
        String name = RoomName.of(room).value();
        String pool = poolOfRoom(name);
        return withPool(pool, (c, row) -> {
            if (row.state().dataPathLost()) {
                throw unavailable(row);
            }
            return chat(row).messages(name, after, limit, compliance).stream()
                    .map(m -> new Message(m.id(), m.sender(), m.text(), m.postedAt()))
                    .toList();
        });
    }

    private String poolOfRoom(String room) {
        try (Connection c = dataSource.getConnection()) {
            ChatPoolStore store = new ChatPoolStore(c);
            int poolId =
                    store.roomPool(room).orElseThrow(() -> new ChatNotFoundException("no chat room named " + room));
            return store.pool(poolId).orElseThrow().name();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void available(Connection c, PoolRow row) throws SQLException {
        if (row.state().dataPathLost()
                || new ChatPoolStore(c).servers(row.id()).stream().noneMatch(ChatServer::active)) {
            throw unavailable(row);
        }
    }

    private static ChatRefusedException unavailable(PoolRow row) {
        return new ChatRefusedException(
                ChatRefusedException.Refusal.CHAT_UNAVAILABLE,
                "chat pool " + row.name() + " is " + row.state() + " with no reachable active server: try again later");
    }

    private ChatDatabases chat(PoolRow row) {
        var admins = databases.administrations();
        return new ChatDatabases(db -> admins.openData(row.active().instance(), DatabaseName.of(db)));
    }

    private interface OnPool<T> {
        T run(Connection c, PoolRow row) throws SQLException;
    }

    private <T> T withPool(String pool, OnPool<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c, ChatPools.require(c, pool));
        } catch (SQLException e) {
            throw new IllegalStateException("chat data path: " + e.getMessage(), e);
        }
    }
}
