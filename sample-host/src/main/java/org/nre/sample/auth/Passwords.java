package org.nre.sample.auth;

import com.password4j.Argon2Function;
import com.password4j.Hash;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.nre.hostkit.ConfigException;
import org.nre.sample.directory.Account;

/** Argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). */
public final class Passwords {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    private static final Argon2Function ARGON2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

    /**
     * Checked against when a login is unknown, so that an unknown login takes as long as a known one: a hash
     * with the same parameters of a random password nobody kept. A constant, so that start-up does not spend a
     * hash on it; PasswordsTest fails if the parameters above change without it.
     */
    static final String DECOY = "$argon2id$v=19$m=19456,t=2,p=1$Ce1cBxUyGcfCkeg6XQJzoA$"
            + "nIJz8NkIPjISTzlWOSTjORmKK0FfJPvAFy2GLegynYQ";

    private final SecureRandom random;
    private final Hashing hashing;

    public Passwords(SecureRandom random, Hashing hashing) {
        this.random = random;
        this.hashing = hashing;
    }

    /** Hashes a new password, waiting as long as the console's own work may for a free slot. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hashing.run(Hashing.WORK_WAIT, () -> {
            Hash hash = Password.hash(password).addSalt(salt).with(ARGON2);
            return hash.getResult();
        });
    }

    /**
     * Whether the password matches the stored hash, checked within the sign-in wait.
     *
     * @throws Hashing.Busy when no check could start in time
     */
    public boolean matches(String password, String storedHash) {
        if (password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
            return false;
        }
        return hashing.run(Hashing.SIGN_IN_WAIT, () -> {
            try {
                return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Spends the time (and the slot) of one check, for a login that does not exist. */
    public void checkDecoy(String password) {
        matches(password == null ? "" : password, DECOY);
    }

    /**
     * A password for new accounts: the configured one or, when none is, a generated one. A configured password is
     * held to {@link PasswordPolicy} for every account it is for, when it is hashed: a first start that cannot
     * use it fails with {@link ConfigException} naming the setting.
     *
     * @param setting where the configured password came from, for the message
     * @param accounts the accounts the password is for
     * @param ahead where to start hashing it at once, or null to hash it only when the hash is asked for
     */
    public NewPassword newPassword(String configured, String setting, List<Account> accounts, Executor ahead) {
        boolean generated = configured == null || configured.isEmpty();
        String text = generated ? generate() : configured;
        Supplier<String> checkedHash = () -> {
            if (!generated) {
                for (Account account : accounts) {
                    String problem = PasswordPolicy.problem(text, account.login(),
                            List.of(account.firstName(), account.lastName()));
                    if (problem != null) {
                        throw new ConfigException(setting + " cannot be the password of '" + account.login() + "': "
                                + problem + " Set another one, or leave it unset for a generated one-time password");
                    }
                }
            }
            return hash(text);
        };
        if (ahead == null) {
            return new NewPassword(text, generated, checkedHash);
        }
        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(checkedHash, ahead);
        return new NewPassword(text, generated, () -> {
            try {
                return hashing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }

    /** A random password of 20 characters from the URL-safe base64 alphabet (120 bits). */
    public String generate() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
