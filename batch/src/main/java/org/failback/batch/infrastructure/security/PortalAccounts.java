package org.failback.batch.infrastructure.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The three accounts (operator, viewer, client). Passwords are random, written once to credentials.properties
 * (mode 600) for the operator to read, and stored in the database only as SCRAM-SHA-256 digests
 * (PBKDF2-HMAC-SHA256 with a random salt), which is what the server's realm (module org.failback.realm) verifies.
 */
public final class PortalAccounts {

    private static final Logger LOG = Logger.getLogger(PortalAccounts.class.getName());
    public static final List<String> ROLES = List.of("operator", "viewer", "client");
    static final int ITERATIONS = 10_000;
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private PortalAccounts() {}

    /**
     * Makes sure accounts and the credentials file agree. A first start creates both; a later start keeps both;
     * a credentials file without accounts (database removed) re-creates the accounts with the same passwords.
     */
    public static void ensure(Connection connection, Path credentialsFile) throws SQLException, IOException {
        Properties credentials = Files.exists(credentialsFile) ? load(credentialsFile) : new Properties();
        boolean accountsExist = countAccounts(connection) > 0;
        if (accountsExist && hasAll(credentials)) {
            return;
        }
        if (accountsExist) {
            LOG.warning("credentials file " + credentialsFile + " is missing or incomplete: issuing new passwords");
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM portal_account");
            }
        }
        for (String role : ROLES) {
            credentials.putIfAbsent(role + ".username", role);
            credentials.putIfAbsent(role + ".password", randomPassword(24));
            insert(
                    connection,
                    credentials.getProperty(role + ".username"),
                    role,
                    credentials.getProperty(role + ".password"));
        }
        store(credentials, credentialsFile);
    }

    /**
     * Creates {@code username} with {@code role}, or gives an existing account a new password (and that role): the
     * command an operator runs to add a colleague or rotate a password. Returns the new random password, which is
     * stored only as its digest; for one of the three accounts of credentials.properties the file is updated too, so
     * it keeps telling the truth.
     */
    public static String setAccount(Connection connection, Path credentialsFile, String username, String role)
            throws SQLException, IOException {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 2-32 characters: lower-case letters, digits, '.', '_'"
                    + " or '-', starting with a letter");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + String.join(", ", ROLES));
        }
        String password = randomPassword(24);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM portal_account WHERE username = ?")) {
            delete.setString(1, username);
            delete.executeUpdate();
        }
        insert(connection, username, role, password);
        Properties credentials = Files.exists(credentialsFile) ? load(credentialsFile) : new Properties();
        boolean listed = false;
        for (String listedRole : ROLES) {
            if (username.equals(credentials.getProperty(listedRole + ".username"))) {
                credentials.setProperty(listedRole + ".password", password);
                listed = true;
            }
        }
        if (listed) {
            store(credentials, credentialsFile);
        }
        LOG.info("account '" + username + "' (" + role + ") " + (listed ? "rotated in " + credentialsFile : "set"));
        return password;
    }

    private static boolean hasAll(Properties credentials) {
        return ROLES.stream()
                .allMatch(r -> credentials.containsKey(r + ".username") && credentials.containsKey(r + ".password"));
    }

    private static long countAccounts(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM portal_account")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection connection, String username, String role, String password)
            throws SQLException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO portal_account (username, role_name, password_digest, password_salt, password_iterations) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, username);
            insert.setString(2, role);
            insert.setString(3, Base64.getEncoder().encodeToString(scramSaltedPassword(password, salt, ITERATIONS)));
            insert.setString(4, Base64.getEncoder().encodeToString(salt));
            insert.setInt(5, ITERATIONS);
            insert.executeUpdate();
        }
    }

    /** SCRAM's Hi(password, salt, i) is PBKDF2 with HMAC-SHA-256 and one output block. */
    static byte[] scramSaltedPassword(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    static String randomPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Written to a private temporary file first, so the passwords are never readable by others, not even briefly. */
    private static void store(Properties credentials, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (String role : ROLES) {
                writer.write(role + ".username=" + credentials.getProperty(role + ".username") + "\n");
                writer.write(role + ".password=" + credentials.getProperty(role + ".password") + "\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
