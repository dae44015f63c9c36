package org.failback.realm;

import java.security.Principal;
import java.security.spec.AlgorithmParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.principal.NamePrincipal;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.authz.AuthorizationIdentity;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The Elytron realm of portal_account (the server's custom-realm FailbackRealm, in place of the jdbc-realm it
 * replaces): it reads the account on every request as that realm did, verifies a password by its PBKDF2 digest, and
 * accepts a password verified against the same digest within the last minute from {@link VerifiedCredentials}. Only
 * password verification (BASIC, FORM) is offered; no credential leaves the realm.
 */
public final class AccountRealm implements SecurityRealm {

    static final String DATA_SOURCE = "java:jboss/datasources/FailbackDS";
    static final String ROLES = "Roles";
    /** How long a verification counts; {@code -Dfailback.verified-credential-seconds=0} turns the cache off. */
    static final Duration TTL = Duration.ofSeconds(Long.getLong("failback.verified-credential-seconds", 60));

    private static final String QUERY = "SELECT password_digest, password_salt, password_iterations, role_name"
            + " FROM portal_account WHERE username = ?";

    private final VerifiedCredentials verified = new VerifiedCredentials(TTL, System::nanoTime);
    private volatile DataSource dataSource;

    @Override
    public RealmIdentity getRealmIdentity(Principal principal) throws RealmUnavailableException {
        if (!(principal instanceof NamePrincipal)) {
            return RealmIdentity.NON_EXISTENT;
        }
        StoredAccount account = find(principal.getName());
        return account == null ? RealmIdentity.NON_EXISTENT : new Identity(principal, account);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(
            Class<? extends Credential> credentialType, String algorithmName, AlgorithmParameterSpec parameterSpec) {
        return SupportLevel.UNSUPPORTED;
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
        return PasswordGuessEvidence.class.isAssignableFrom(evidenceType)
                ? SupportLevel.POSSIBLY_SUPPORTED
                : SupportLevel.UNSUPPORTED;
    }

    private StoredAccount find(String username) throws RealmUnavailableException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, username);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next()
                        ? new StoredAccount(username, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))
                        : null;
            }
        } catch (SQLException | NamingException e) {
            throw new RealmUnavailableException("the account store is unavailable", e);
        }
    }

    private DataSource dataSource() throws NamingException {
        DataSource found = dataSource;
        if (found == null) {
            InitialContext context = new InitialContext();
            try {
                found = (DataSource) context.lookup(DATA_SOURCE);
            } finally {
                context.close();
            }
            dataSource = found;
        }
        return found;
    }

    private final class Identity implements RealmIdentity {

        private final Principal principal;
        private final StoredAccount account;

        Identity(Principal principal, StoredAccount account) {
            this.principal = principal;
            this.account = account;
        }

        @Override
        public Principal getRealmIdentityPrincipal() {
            return principal;
        }

        @Override
        public SupportLevel getCredentialAcquireSupport(
                Class<? extends Credential> credentialType,
                String algorithmName,
                AlgorithmParameterSpec parameterSpec) {
            return SupportLevel.UNSUPPORTED;
        }

        @Override
        public <C extends Credential> C getCredential(Class<C> credentialType) {
            return null;
        }

        @Override
        public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName) {
            return AccountRealm.this.getEvidenceVerifySupport(evidenceType, algorithmName);
        }

        @Override
        public boolean verifyEvidence(Evidence evidence) {
            if (!(evidence instanceof PasswordGuessEvidence guess)) {
                return false;
            }
            char[] password = guess.getGuess();
            if (verified.recentlyVerified(account.username(), account.digest(), password)) {
                return true;
            }
            if (!account.matches(password)) {
                return false;
            }
            verified.verified(account.username(), account.digest(), password);
            return true;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public AuthorizationIdentity getAuthorizationIdentity() {
            return AuthorizationIdentity.basicIdentity(new MapAttributes(Map.of(ROLES, Set.of(account.role()))));
        }
    }
}
