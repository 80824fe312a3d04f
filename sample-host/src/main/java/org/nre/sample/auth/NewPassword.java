package org.nre.sample.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A password for an account about to be created, and its Argon2id hash. The hash can be computed ahead on
 * another thread: a first start hashes its passwords while the database is migrated.
 */
public final class NewPassword {

    private final String text;
    private final boolean generated;
    private final Supplier<String> hash;

    private NewPassword(String text, boolean generated, Supplier<String> hash) {
        this.text = text;
        this.generated = generated;
        this.hash = hash;
    }

    /**
     * The configured password or, when none is, a generated one.
     *
     * @param ahead where to start hashing it now, or null to hash it when {@link #hash} is first asked
     */
    static NewPassword of(String configured, Passwords passwords, Executor ahead) {
        boolean generated = configured == null || configured.isEmpty();
        String text = generated ? passwords.generate() : configured;
        if (ahead == null) {
            return new NewPassword(text, generated, () -> passwords.hash(text));
        }
        CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> passwords.hash(text), ahead);
        return new NewPassword(text, generated, () -> {
            try {
                return hashing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
    }

    public String text() {
        return text;
    }

    /** Whether the console made the password up, and so must show it, once. */
    public boolean generated() {
        return generated;
    }

    /** The hash, waiting for it when it is being computed ahead. */
    public String hash() {
        return hash.get();
    }

    @Override
    public String toString() {
        return "NewPassword[generated=" + generated + "]";
    }
}
