package org.nre.sample.auth;

import java.util.function.Supplier;

/**
 * A password for an account about to be created, and its Argon2id hash. The hash can be computed ahead on
 * another thread: a first start hashes its passwords while the database is migrated.
 */
public final class NewPassword {

    private final String text;
    private final boolean generated;
    private final Supplier<String> hash;

    NewPassword(String text, boolean generated, Supplier<String> hash) {
        this.text = text;
        this.generated = generated;
        this.hash = hash;
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
