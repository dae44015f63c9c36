package org.failback.batch.infrastructure.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ordered migration sequence, common plus a vendor folder, and the upgrade path of data directories made before. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anH2DatabaseMigratedByMainValidatesAndMigratesToTheSameSchemaAsAnEmptyOne() throws Exception {
        JdbcDataSource upgraded = h2(dir.resolve("made-by-main/product"));
        migrateAsMainDid(upgraded);
        assertEquals(recordedChecksumsOfMain(), checksums(upgraded), "main's files, byte for byte");

        MigrateResult upgrade = SchemaMigration.migrate(upgraded);
        JdbcDataSource empty = h2(dir.resolve("empty/product"));
        MigrateResult fresh = SchemaMigration.migrate(empty);

        assertEquals(
                versions("common", "h2").size() - recordedChecksumsOfMain().size(),
                upgrade.migrationsExecuted,
                "only the migrations added since main are applied to main's schema");
        assertEquals(versions("common", "h2").size(), fresh.migrationsExecuted);
        assertEquals(checksums(empty), checksums(upgraded));
        List<String> emptySchema = schema(empty);
        List<String> upgradedSchema = schema(upgraded);
        assertTrue(emptySchema.size() > 100, "the product's schema: " + emptySchema.size() + " rows");
        assertEquals(emptySchema, upgradedSchema);
    }

    @Test
    void everyVendorFolderHoldsTheSameVersionsAndCommonOnesOnlyOnce() throws Exception {
        TreeSet<Integer> h2 = versions("h2");
        assertEquals(h2, versions("sqlserver"));
        TreeSet<Integer> common = versions("common");
        assertFalse(common.isEmpty());
        common.retainAll(h2);
        assertTrue(common.isEmpty(), "in common and in a vendor folder: " + common);
        // A migration left in the old flat folder would run on no engine: the lead moves new ones at merge.
        try (Stream<Path> root = Files.list(migrationFolder(""))) {
            assertEquals(
                    List.of(),
                    root.filter(Files::isRegularFile).map(Path::getFileName).toList());
        }
    }

    /**
     * H2's MSSQLServer compatibility mode accepts the T-SQL scripts and they give the tables and columns the H2 scripts
     * give. This proves the scripts parse as far as H2 imitates T-SQL and that no table or column was forgotten; it
     * does not prove SQL Server itself accepts them (SqlServerProductDatabaseTest does that where Docker exists).
     */
    @Test
    void sqlServerMigrationsApplyOnH2InMsSqlServerModeToTheSameTablesAndColumns() throws Exception {
        JdbcDataSource tsql = new JdbcDataSource();
        tsql.setURL("jdbc:h2:" + dir.resolve("mssql/product") + ";MODE=MSSQLServer");
        try (Connection c = tsql.getConnection()) {
            // H2 2.2 knows no DATETIMEOFFSET even in this mode: a domain stands in for SQL Server's type.
            c.createStatement().execute("CREATE DOMAIN DATETIMEOFFSET AS TIMESTAMP WITH TIME ZONE");
        }
        MigrateResult result = SchemaMigration.migrate(tsql, SqlDialect.SQL_SERVER);
        JdbcDataSource h2 = h2(dir.resolve("h2/product"));
        SchemaMigration.migrate(h2);

        assertEquals(versions("common", "sqlserver").size(), result.migrationsExecuted);
        assertEquals(columns(h2), columns(tsql));
    }

    static JdbcDataSource h2(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + file);
        return dataSource;
    }

    /** Main's configuration: every migration in one flat folder, applied out of order. */
    void migrateAsMainDid(DataSource dataSource) throws IOException, URISyntaxException {
        Path flat = Files.createDirectories(dir.resolve("main-migrations"));
        for (String folder : List.of("common", "h2")) {
            try (Stream<Path> files = Files.list(migrationFolder(folder))) {
                for (Path file : files.toList()) {
                    // Only what main had: migrations added since are the upgrade's to apply.
                    String version = file.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1");
                    if (recordedChecksumsOfMain().containsKey(version)) {
                        Files.copy(file, flat.resolve(file.getFileName()));
                    }
                }
            }
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + flat)
                .table("schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .outOfOrder(true)
                .load()
                .migrate();
    }

    static Map<String, Integer> recordedChecksumsOfMain() throws IOException {
        try (var in = SchemaMigrationTest.class.getResourceAsStream("/db/schema-history-at-main.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split(" "))
                    .collect(Collectors.toMap(f -> f[0], f -> Integer.valueOf(f[1]), (a, b) -> a, TreeMap::new));
        }
    }

    static Map<String, Integer> checksums(DataSource dataSource) throws SQLException {
        Map<String, Integer> checksums = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT \"version\", \"checksum\" FROM \"schema_history\" WHERE \"type\" = 'SQL'")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getInt(2));
            }
        }
        return checksums;
    }

    /** Columns (with types, defaults, identity settings), indexes and constraints of the product's schema. */
    static List<String> schema(DataSource dataSource) throws SQLException {
        List<String> schema = new ArrayList<>();
        schema.addAll(rows(dataSource, "SELECT * FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"));
        schema.addAll(rows(dataSource, "SELECT * FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"));
        schema.addAll(
                rows(dataSource, "SELECT * FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'PUBLIC'"));
        schema.addAll(rows(dataSource, "SELECT * FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"));
        // The names H2 gives the indexes behind keys depend on when a table was last rebuilt (an ALTER TABLE of a
        // later migration renames them), not on the schema.
        return schema.stream()
                .map(row -> row.replaceAll("PRIMARY_KEY_[0-9A-F]+", "PRIMARY_KEY_*")
                        .replaceAll("_INDEX_[0-9A-F]+\\b", "_INDEX_*"))
                .sorted()
                .toList();
    }

    static List<String> columns(DataSource dataSource) throws SQLException {
        List<String> columns = rows(
                dataSource,
                "SELECT LOWER(TABLE_NAME) AS t, LOWER(COLUMN_NAME) AS c, IS_NULLABLE AS n FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'schema_history'");
        columns.sort(null);
        return columns;
    }

    static List<String> rows(DataSource dataSource, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery(query)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= width; i++) {
                    row.append(rs.getMetaData().getColumnLabel(i))
                            .append('=')
                            .append(rs.getString(i))
                            .append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static TreeSet<Integer> versions(String... folders) throws IOException, URISyntaxException {
        TreeSet<Integer> versions = new TreeSet<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(migrationFolder(folder))) {
                files.map(f -> f.getFileName().toString())
                        .map(name -> Integer.valueOf(name.substring(1, name.indexOf("__"))))
                        .forEach(versions::add);
            }
        }
        return versions;
    }

    static Path migrationFolder(String folder) throws URISyntaxException {
        return Path.of(SchemaMigration.class
                .getClassLoader()
                .getResource("db/migration/" + folder)
                .toURI());
    }
}
