package org.failback.batch.infrastructure.dbadmin;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A stand-in for a SQL Server instance where none can run (no Docker): it answers the adapter's state queries from a
 * small model (each database's state, restore history, mirroring role, user access) and records every statement that
 * is not a SELECT, with its parameters, as the command log writes them. It checks what the engine would refuse and the
 * adapter must therefore get right: a backup of a database that is not ONLINE, a log restore onto one that is not
 * RESTORING, a full restore over an existing database without REPLACE (error 3159, the tail of the log), a restore or
 * verify of a missing or damaged file. It proves which T-SQL is issued in which order, not that SQL Server accepts it:
 * SqlServerPchatFailbackTest runs the same runbook against real SQL Servers where Docker exists.
 */
public final class ScriptedSqlServer {

    private static final Pattern NAME = Pattern.compile("\\[([^\\]]+)\\]");

    private final String serverName;
    private final String platform;
    private final Map<String, String> states = new TreeMap<>();
    private final Map<String, String> lastRestored = new HashMap<>();
    private final Map<String, String> mirroringRoles = new HashMap<>();
    private final Map<String, String> userAccess = new HashMap<>();
    private final List<String> statements = new ArrayList<>();

    public ScriptedSqlServer(String serverName, String platform) {
        this.serverName = serverName;
        this.platform = platform;
    }

    /** Every statement but the SELECTs, as {@code SQL  -- parameters: 'a' 'b'}, in the order issued. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    public synchronized void forgetStatements() {
        statements.clear();
    }

    public synchronized Optional<String> state(String database) {
        return Optional.ofNullable(states.get(database));
    }

    /** The instance is lost with its data centre: no database is left. */
    public synchronized void lose() {
        states.clear();
        lastRestored.clear();
        mirroringRoles.clear();
    }

    public synchronized void mirror(String database, String role) {
        mirroringRoles.put(database, role);
    }

    public DataSource dataSource() {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getConnection" -> connection();
            case "getLogWriter" -> new PrintWriter(System.err);
            case "getLoginTimeout" -> 0;
            case "getParentLogger" -> Logger.getGlobal();
            case "isWrapperFor" -> false;
            case "toString" -> "scripted SQL Server " + serverName;
            default -> null;
        };
        return (DataSource)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, handler);
    }

    private Connection connection() {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement((String) args[0]);
            case "getAutoCommit", "isValid" -> true;
            case "isClosed" -> false;
            case "toString" -> "connection to " + serverName;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        };
        return (Connection)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private PreparedStatement statement(String sql) {
        List<String> params = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "setString" -> {
                int index = (Integer) args[0];
                while (params.size() < index) {
                    params.add(null);
                }
                params.set(index - 1, (String) args[1]);
                yield null;
            }
            case "executeQuery" -> resultSet(run(sql, params));
            case "execute" -> {
                run(sql, params);
                yield false;
            }
            case "getMoreResults" -> false;
            case "getUpdateCount" -> -1;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> null;
        };
        return (PreparedStatement)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static ResultSet resultSet(List<Map<String, String>> rows) {
        int[] at = {-1};
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "next":
                    return ++at[0] < rows.size();
                case "getString":
                    Map<String, String> row = rows.get(at[0]);
                    return args[0] instanceof Integer i
                            ? new ArrayList<>(row.values()).get(i - 1)
                            : row.get(((String) args[0]));
                case "close":
                    return null;
                default:
                    throw new SQLException("the scripted result set has no " + method.getName());
            }
        };
        return (ResultSet) Proxy.newProxyInstance(
                ScriptedSqlServer.class.getClassLoader(), new Class<?>[] {ResultSet.class}, handler);
    }

    private synchronized List<Map<String, String>> run(String sql, List<String> params) throws SQLException {
        if (!sql.startsWith("SELECT")) {
            statements.add(sql + SqlServerDatabaseAdministration.describe(params.toArray(String[]::new)));
        }
        try {
            return answer(sql, params);
        } catch (IOException e) {
            throw new SQLException(e.getMessage(), "S0001", 3201, e);
        }
    }

    private List<Map<String, String>> answer(String sql, List<String> p) throws SQLException, IOException {
        String db = name(sql);
        if (sql.contains("SERVERPROPERTY('ProductVersion')")) {
            return one("16.0.4145.4");
        } else if (sql.contains("sys.dm_os_host_info")) {
            return one(platform);
        } else if (sql.contains("SERVERPROPERTY('EngineEdition')")) {
            return one("3");
        } else if (sql.contains("sys.dm_exec_sessions")) {
            return one("0");
        } else if (sql.contains("@@SERVERNAME")) {
            return one(serverName);
        } else if (sql.startsWith("SELECT state_desc FROM sys.databases")) {
            return maybe(states.get(p.get(0)));
        } else if (sql.startsWith("SELECT recovery_model_desc FROM sys.databases")) {
            return maybe(states.containsKey(p.get(0)) ? "FULL" : null);
        } else if (sql.startsWith("SELECT user_access_desc FROM sys.databases")) {
            return maybe(states.containsKey(p.get(0)) ? userAccess.getOrDefault(p.get(0), "MULTI_USER") : null);
        } else if (sql.startsWith("SELECT mirroring_role_desc + N' ' + mirroring_state_desc")) {
            return maybe(Optional.ofNullable(mirroringRoles.get(p.get(0)))
                    .map(r -> r + " SYNCHRONIZED")
                    .orElse(null));
        } else if (sql.startsWith("SELECT mirroring_role_desc FROM sys.database_mirroring")) {
            return maybe(mirroringRoles.get(p.get(0)));
        } else if (sql.contains("msdb.dbo.restorehistory")) {
            return maybe(lastRestored.get(p.get(0)));
        } else if (sql.contains("FROM sys.master_files")) {
            boolean log = p.get(1).endsWith("_log");
            return maybe(
                    states.containsKey(p.get(0)) ? "/var/opt/mssql/data/" + p.get(1) + (log ? ".ldf" : ".mdf") : null);
        } else if (sql.contains("InstanceDefault")) {
            return one("/var/opt/mssql/data/");
        } else if (sql.contains("msdb.dbo.backupset bs")) {
            return List.of();
        } else if (sql.contains("sys.dm_server_services")) {
            return one("mssql");
        } else if (sql.contains("sys.dm_os_file_exists")) {
            return one(Files.isDirectory(Path.of(p.get(0))) ? "1" : "0");
        } else if (sql.startsWith("EXEC master.sys.xp_dirtree")) {
            return List.of();
        } else if (sql.startsWith("EXEC master.sys.xp_create_subdir")) {
            Files.createDirectories(Path.of(p.get(0)));
        } else if (sql.startsWith("EXEC master.dbo.xp_delete_file 0, ?")) {
            Files.deleteIfExists(Path.of(p.get(0)));
        } else if (sql.startsWith("CREATE DATABASE")) {
            states.put(db, "ONLINE");
        } else if (sql.endsWith("SET RECOVERY FULL")) {
            require(db, "ONLINE", sql);
        } else if (sql.endsWith("SET SINGLE_USER WITH ROLLBACK IMMEDIATE")) {
            userAccess.put(db, "SINGLE_USER");
        } else if (sql.endsWith("SET MULTI_USER")) {
            userAccess.put(db, "MULTI_USER");
        } else if (sql.endsWith("SET PARTNER OFF")) {
            if (mirroringRoles.remove(db) == null) {
                throw new SQLException(db + " is not configured for database mirroring", "S0001", 1416);
            }
        } else if (sql.startsWith("BACKUP DATABASE") || sql.startsWith("BACKUP LOG")) {
            if (!db.equals("model")) {
                require(db, "ONLINE", sql);
            }
            Path file = Path.of(p.get(0));
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, db + " " + (sql.startsWith("BACKUP LOG") ? "log" : "full") + " backup by " + serverName);
        } else if (sql.startsWith("RESTORE FILELISTONLY")) {
            String of = backupOf(p.get(0));
            List<Map<String, String>> files = new ArrayList<>();
            files.add(Map.of("LogicalName", of, "Type", "D"));
            files.add(Map.of("LogicalName", of + "_log", "Type", "L"));
            return files;
        } else if (sql.startsWith("RESTORE VERIFYONLY")) {
            backupOf(p.get(0));
        } else if (sql.startsWith("RESTORE DATABASE") && sql.contains("FROM DISK")) {
            backupOf(p.get(0));
            String state = states.get(db);
            if (state != null && !"RESTORING".equals(state) && !sql.contains("REPLACE")) {
                throw new SQLException(
                        "The tail of the log for the database \"" + db + "\" has not been backed up", "S0001", 3159);
            }
            states.put(db, sql.endsWith("NORECOVERY") ? "RESTORING" : "ONLINE");
            lastRestored.put(db, p.get(0));
            // The restored database takes its options from the backup, taken MULTI_USER.
            userAccess.put(db, "MULTI_USER");
        } else if (sql.startsWith("RESTORE DATABASE") && sql.endsWith("WITH RECOVERY")) {
            require(db, "RESTORING", sql);
            states.put(db, "ONLINE");
        } else if (sql.startsWith("RESTORE LOG")) {
            require(db, "RESTORING", sql);
            backupOf(p.get(0));
            states.put(db, sql.endsWith("NORECOVERY") ? "RESTORING" : "ONLINE");
            lastRestored.put(db, p.get(0));
        } else {
            throw new SQLException("not scripted: " + sql);
        }
        return List.of();
    }

    /** The database a backup file holds, read from the file this stand-in wrote; missing or damaged → error 3201/3241. */
    private static String backupOf(String path) throws SQLException, IOException {
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new SQLException("Cannot open backup device '" + path + "'", "S0001", 3201);
        }
        String content = Files.readString(file);
        Matcher m = Pattern.compile("^(\\S+) (full|log) backup by \\S+$").matcher(content);
        if (!m.matches()) {
            throw new SQLException("The media family on device '" + path + "' is incorrectly formed", "S0001", 3241);
        }
        return m.group(1);
    }

    private void require(String db, String expected, String sql) throws SQLException {
        String actual = states.get(db);
        if (!expected.equals(actual)) {
            throw new SQLException(sql + ": database " + db + " is " + actual + ", not " + expected, "S0001", 3101);
        }
    }

    private static String name(String sql) {
        Matcher m = NAME.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    private static List<Map<String, String>> one(String value) {
        Map<String, String> row = new HashMap<>();
        row.put("value", value);
        return List.of(row);
    }

    private static List<Map<String, String>> maybe(String value) {
        return value == null ? List.of() : one(value);
    }
}
