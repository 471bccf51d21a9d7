package ru.soko.users;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through Password4j, with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). The
 * result is a PHC string that carries its own parameters, so they can be raised later without
 * invalidating stored hashes.
 */
public final class PasswordHasher {

    public static final int MIN_LENGTH = 8;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    // Checked against when a name is unknown, so a wrong name costs as long as a wrong password.
    private volatile String decoy;

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String phc) {
        if (phc == null || password == null) {
            return false;
        }
        return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
    }

    /** Spends the time of one check without a stored hash. */
    public void waste(String password) {
        if (decoy == null) {
            decoy = hash("decoy-password-never-used");
        }
        matches(password == null ? "" : password, decoy);
    }

    /** A password we accept: long enough and not all one character. */
    public static void requireAcceptable(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("пароль должен быть не короче " + MIN_LENGTH + " символов");
        }
        if (password.chars().distinct().count() < 3) {
            throw new IllegalArgumentException("пароль слишком простой");
        }
    }
}
