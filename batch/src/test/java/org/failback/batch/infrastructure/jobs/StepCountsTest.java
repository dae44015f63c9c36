package org.failback.batch.infrastructure.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.failback.batch.infrastructure.engine.MigratedProductDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step totals, chunk counts and the throughput series, on the real schema (Flyway migrations, H2). */
class StepCountsTest {

    private static final long EXECUTION = 7;
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path dir;

    private StepCounts counts;
    /** Holds the database open: H2 closes (and compacts) a file database when its last connection closes. */
    private Connection open;

    @BeforeEach
    void database() throws SQLException {
        counts = new StepCounts();
        counts.dataSource = MigratedProductDatabase.at(dir.resolve("db"));
        open = counts.dataSource.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
        open.close();
    }

    @Test
    void aStepsTotalIsReplacedWhenItIsRecordedAgainAndBatchletsHaveNone() {
        counts.recordTotal(EXECUTION, "move-users-home", 500);
        counts.recordTotal(EXECUTION, "move-users-home", 450);
        counts.recordTotal(EXECUTION, "serve-users-from-backup", 1000);
        counts.recordTotal(EXECUTION + 1, "move-users-home", 3);
        assertEquals(Map.of("move-users-home", 450L, "serve-users-from-backup", 1000L), counts.totals(EXECUTION));
    }

    @Test
    void aStepHasDoneWhatItsCommittedChunksHoldAndNotWhatARolledBackChunkHeld() throws SQLException {
        chunk("move-users-home", 100, 40, true);
        chunk("move-users-home", 200, 60, true);
        chunk("move-users-home", 300, 1000, false);
        chunk("serve-users-from-backup", 400, 5, true);
        assertEquals(Map.of("move-users-home", 100L, "serve-users-from-backup", 5L), counts.done(EXECUTION));
    }

    @Test
    void whatWasDoneSinceAMomentCountsTheChunksWrittenFromThen() throws SQLException {
        chunk("move-users-home", 1_000, 10, true);
        chunk("move-users-home", 5_000, 20, true);
        chunk("move-users-home", 9_000, 30, true);
        assertEquals(50, counts.doneSince(EXECUTION, START.plusMillis(5_000)));
        assertEquals(0, counts.doneSince(EXECUTION, START.plusMillis(9_001)));
        assertEquals(0, counts.doneSince(EXECUTION + 1, START));
    }

    @Test
    void throughputIsTheRunningTotalAtTheEndOfEachQuarterSecondInWhichChunksWereWritten() throws SQLException {
        chunk("move-users-home", 100, 10, true);
        chunk("move-users-home", 200, 20, true);
        chunk("move-users-home", 300, 5, true);
        chunk("serve-users-from-backup", 10_000, 7, true);
        List<long[]> samples = counts.doneOverTime(EXECUTION, START, START.plusSeconds(11));
        assertEquals(3, samples.size());
        assertArrayEquals(new long[] {START.toEpochMilli() + 250, 30}, samples.get(0));
        assertArrayEquals(new long[] {START.toEpochMilli() + 500, 35}, samples.get(1));
        assertArrayEquals(new long[] {START.toEpochMilli() + 10_250, 42}, samples.get(2));
    }

    @Test
    void aLongJobIsDrawnInAboutSixHundredIntervals() throws SQLException {
        for (int second = 0; second < 3600; second++) {
            chunk("move-users-home", second * 1000L, 1, true);
        }
        List<long[]> samples = counts.doneOverTime(EXECUTION, START, START.plusSeconds(3600));
        assertEquals(600, samples.size(), "one hour in intervals of 6 s");
        assertEquals(3600, samples.get(samples.size() - 1)[1]);
    }

    private void chunk(String step, long millisAfterStart, int items, boolean commit) throws SQLException {
        try (Connection c = counts.dataSource.getConnection()) {
            c.setAutoCommit(false);
            StepCounts.addChunk(c, EXECUTION, step, items, Timestamp.from(START.plusMillis(millisAfterStart)));
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }
}
