package org.failback.batch.application.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.failback.batch.application.logshipping.LogShippingService;
import org.failback.batch.infrastructure.chat.ChatDatabases;
import org.failback.batch.infrastructure.chat.ChatPoolStore;
import org.failback.batch.infrastructure.chat.ChatPoolStore.PoolRow;
import org.failback.batch.infrastructure.chat.EmbeddedDataCentreLoss;
import org.failback.batch.infrastructure.dbadmin.DatabaseAdministrations;
import org.failback.batch.infrastructure.dbadmin.InstanceCredentials;
import org.failback.batch.infrastructure.dbadmin.JdbcCommandLog;
import org.failback.batch.infrastructure.dbadmin.LogShippingStore;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.failback.batch.infrastructure.pool.TopologyWriter;
import org.failback.domain.chat.ChatPoolState;
import org.failback.domain.chat.ChatServer;
import org.failback.domain.dbadmin.DatabaseName;
import org.failback.domain.dbadmin.InstanceName;
import org.failback.domain.pool.PoolName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pchat runbook on real H2 instances, outside the server: failover, posts on the backup, rebuild, failback.
 * Every step runs twice in a row, as a restart after it failed at its very end would run it: the end state is the
 * one a single run gives, with every message exactly once.
 */
class PchatRunbookTest {

    @TempDir
    Path data;

    private DataSource product;
    private DatabaseAdministrations admins;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void topology() throws Exception {
        product = MigratedProductDatabase.at(data.resolve("product"));
        admins = new DatabaseAdministrations(
                data, new JdbcCommandLog(product), new InstanceCredentials(data.resolve("credentials.properties")));
        try (Connection c = product.getConnection()) {
            TopologyWriter writer = new TopologyWriter(c);
            writer.createSite(PoolName.of("dc1"));
            writer.createSite(PoolName.of("dc2"));
            ChatPools.seed(c, admins, "pchat", "dc1", InstanceName.of("sql-dc1"), "dc2", InstanceName.of("sql-dc2"));
        }
    }

    @Test
    void everyStepTwiceEndsAsOneRunWithEveryMessageOnceInMgcAndMgccompOnThePrimary() throws Exception {
        List<String> expected = new ArrayList<>();
        ChatDatabases primary = chat("sql-dc1");
        primary.createRoom("r");
        for (int i = 0; i < 5; i++) {
            expected.add("shipped " + i);
            primary.post("r", "sip:a@example.com", "shipped " + i);
        }
        try (Connection c = product.getConnection()) {
            LogShippingService shipping = new LogShippingService(c, admins);
            shipping.backup("pchat", 1L, null, log::add);
            shipping.copy("pchat", null, log::add);
            shipping.restore("pchat", null, log::add);
        }
        primary.post("r", "sip:a@example.com", "lost with the primary");

        try (Connection c = product.getConnection()) {
            PoolRow row = ChatPools.require(c, "pchat");
            ChatPoolStore store = new ChatPoolStore(c);
            store.transition(row.id(), EnumSet.of(ChatPoolState.NORMAL), ChatPoolState.DOWN);
            EmbeddedDataCentreLoss.lose(admins.databasesOf(row.primary().name()), ChatPools.DATABASES, Instant.now());
            store.transition(row.id(), EnumSet.of(ChatPoolState.DOWN), ChatPoolState.FAILING_OVER);
            for (PchatStep step : PchatStep.of(PchatStep.Job.FAILOVER)) {
                twice(c, step, 11L, new Properties());
            }
            row = ChatPools.require(c, "pchat");
            assertEquals(ChatPoolState.FAILED_OVER, row.state());
            assertEquals("sql-dc2", row.active().name().value());
            assertNotNull(row.recoveryFile());
            assertTrue(row.recoveryFile().startsWith("mgc-sql-dc1-"), row.recoveryFile());
            assertEquals(List.of("chat1.dc2"), active(store, row));
            assertTrue(new LogShippingStore(c).removed("pchat"));
        }
        ChatDatabases backup = chat("sql-dc2");
        assertEquals(expected, texts(backup, false));
        for (int i = 0; i < 3; i++) {
            expected.add("on the backup " + i);
            backup.post("r", "sip:a@example.com", "on the backup " + i);
        }

        try (Connection c = product.getConnection()) {
            PoolRow row = ChatPools.require(c, "pchat");
            var primaryAdmin = admins.forInstance(row.primary().instance(), null, log::add);
            primaryAdmin.createDatabase(DatabaseName.of("mgc"));
            primaryAdmin.createDatabase(DatabaseName.of("mgccomp"));
            ChatPoolStore store = new ChatPoolStore(c);
            store.setPrimaryRebuilt(row.id(), true);
            store.transition(row.id(), EnumSet.of(ChatPoolState.FAILED_OVER), ChatPoolState.FAILING_BACK);
            Properties parameters = new Properties();
            parameters.setProperty("activeServers", "chat1.dc1,chat2.dc1");
            for (PchatStep step : PchatStep.of(PchatStep.Job.FAILBACK)) {
                twice(c, step, 12L, parameters);
            }
            row = ChatPools.require(c, "pchat");
            assertEquals(ChatPoolState.NORMAL, row.state());
            assertEquals("sql-dc1", row.active().name().value());
            assertNull(row.recoveryFile());
            assertEquals(List.of("chat1.dc1", "chat2.dc1"), active(store, row));
            assertFalse(new LogShippingStore(c).removed("pchat"));
        }
        ChatDatabases back = chat("sql-dc1");
        assertEquals(expected, texts(back, false));
        assertEquals(expected, texts(back, true));
        assertTrue(
                log.stream().anyMatch(l -> l.contains("has no database mirroring, nothing to remove")), log.toString());
        assertTrue(
                log.stream().anyMatch(l -> l.contains("taken already and intact")), "the second run reused the backup");

        back.post("r", "sip:a@example.com", "after failback");
        try (Connection c = product.getConnection()) {
            LogShippingService shipping = new LogShippingService(c, admins);
            assertEquals(2, shipping.backup("pchat", 2L, null, log::add).size());
            shipping.copy("pchat", null, log::add);
            assertEquals(2, shipping.restore("pchat", null, log::add), "only the new round's files are applied");
        }
        expected.add("after failback");
        assertEquals(expected, texts(chat("sql-dc2"), true), "the backup ships from the primary again");
    }

    private void twice(Connection c, PchatStep step, long jobInstance, Properties parameters) throws Exception {
        for (int run = 0; run < 2; run++) {
            PchatRunbook.run(step, new StepRun(c, admins, "pchat", jobInstance, 1000 + run, parameters, log::add));
        }
    }

    private ChatDatabases chat(String instance) throws Exception {
        try (Connection c = product.getConnection()) {
            var row = new org.failback.batch.infrastructure.dbadmin.SqlTopologyStore(c)
                    .instance(InstanceName.of(instance))
                    .orElseThrow();
            return new ChatDatabases(db -> admins.openData(row.instance(), DatabaseName.of(db)));
        }
    }

    private static List<String> active(ChatPoolStore store, PoolRow row) throws Exception {
        return store.servers(row.id()).stream()
                .filter(ChatServer::active)
                .map(ChatServer::name)
                .toList();
    }

    private static List<String> texts(ChatDatabases chat, boolean compliance) throws Exception {
        return chat.messages("r", 0, 1000, compliance).stream()
                .map(ChatDatabases.Message::text)
                .toList();
    }
}
