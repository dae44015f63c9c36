package org.failback.batch.infrastructure.lis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.failback.domain.lis.LisLocation;
import org.failback.domain.pool.PoolName;

/** Reads and writes locations in one pool's LIS database. */
public final class LisLocationStore {

    private static final String COLUMNS =
            "id, location, house_number, street_name, city, state, postal_code, country, subnet, origin_pool, origin_id";

    private LisLocationStore() {}

    /** What a merge did: locations added, updated (merged before), and skipped (the target pool's own, round-tripped). */
    public record MergeResult(int inserted, int updated, int skipped) {}

    public static List<LisLocation> list(Connection c) throws SQLException {
        List<LisLocation> all = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM lis_location ORDER BY id")) {
            while (rs.next()) {
                long originId = rs.getLong(11);
                Long origin = rs.wasNull() ? null : originId;
                all.add(new LisLocation(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        origin));
            }
        }
        return all;
    }

    /** When each merged location was last merged (by id); own locations are absent. */
    public static java.util.Map<Long, Instant> mergedAt(Connection c) throws SQLException {
        java.util.Map<Long, Instant> at = new java.util.HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, merged_at FROM lis_location WHERE merged_at IS NOT NULL")) {
            while (rs.next()) {
                at.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
        return at;
    }

    public static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM lis_location")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static LisLocation insert(Connection c, LisLocation location) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO lis_location (location, house_number, street_name, city, state,"
                        + " postal_code, country, subnet, origin_pool, origin_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"ID"})) {
            bind(insert, location);
            insert.setString(9, location.originPool());
            if (location.originId() == null) {
                insert.setNull(10, Types.BIGINT);
            } else {
                insert.setLong(10, location.originId());
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return location.withId(keys.getLong(1));
            }
        }
    }

    /**
     * Merges the locations of {@code source}'s LIS database into the target pool's, in one transaction of the target
     * connection. Each merged row is keyed by its origin (pool and id there), so a second merge updates and never
     * duplicates; locations that originally came from the target pool itself are skipped: it keeps its own.
     */
    public static MergeResult merge(
            Connection target, PoolName targetPool, PoolName source, List<LisLocation> locations) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        int inserted = 0;
        int updated = 0;
        int skipped = 0;
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = target.prepareStatement(
                        "UPDATE lis_location SET location = ?, house_number = ?, street_name = ?,"
                                + " city = ?, state = ?, postal_code = ?, country = ?, subnet = ?, merged_at = ? WHERE origin_pool = ? AND origin_id = ?");
                PreparedStatement insert = target.prepareStatement(
                        "INSERT INTO lis_location (location, house_number, street_name, city, state,"
                                + " postal_code, country, subnet, merged_at, origin_pool, origin_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LisLocation l : locations) {
                String originPool = l.originPool() != null ? l.originPool() : source.value();
                long originId = l.originPool() != null ? l.originId() : l.id();
                if (originPool.equals(targetPool.value())) {
                    skipped++;
                    continue;
                }
                bind(update, l);
                update.setTimestamp(9, now);
                update.setString(10, originPool);
                update.setLong(11, originId);
                if (update.executeUpdate() > 0) {
                    updated++;
                    continue;
                }
                bind(insert, l);
                insert.setTimestamp(9, now);
                insert.setString(10, originPool);
                insert.setLong(11, originId);
                insert.executeUpdate();
                inserted++;
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
        return new MergeResult(inserted, updated, skipped);
    }

    private static void bind(PreparedStatement st, LisLocation l) throws SQLException {
        st.setString(1, l.location());
        st.setString(2, l.houseNumber());
        st.setString(3, l.streetName());
        st.setString(4, l.city());
        st.setString(5, l.state());
        st.setString(6, l.postalCode());
        st.setString(7, l.country());
        st.setString(8, l.subnet());
    }
}
