package org.failback.realm;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A row of portal_account as PortalAccounts writes it: the SCRAM-SHA-256 salted password (PBKDF2-HMAC-SHA256, one
 * 256-bit block) and its salt in Base64, the iteration count and the role.
 */
record StoredAccount(String username, String digest, String salt, int iterations, String role) {

    /** The full check: PBKDF2 of the guess with the stored salt and iterations, compared in constant time. */
    boolean matches(char[] password) {
        try {
            byte[] computed = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, Base64.getDecoder().decode(salt), iterations, 256))
                    .getEncoded();
            return MessageDigest.isEqual(computed, Base64.getDecoder().decode(digest));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
