package org.nre.hostkit.notice;

import java.util.List;
import java.util.Optional;
import org.nre.hostapi.rights.Level;

/**
 * Who a notice reaches: users and groups are the console's own, so the console says who holds a right and how to
 * reach a user. The kit asks when a notice opens, inside the transaction that opens it.
 */
public interface Addressees {

    /**
     * The enabled users who hold the right at the level (or at a level that implies it), directly or through a
     * group.
     */
    List<Addressee> holdersOf(String rightId, Level level);

    /** The user, when the console knows them and they are enabled. */
    Optional<Addressee> user(String userId);

    /** A console that reaches nobody: notices are shown, never mailed. */
    static Addressees none() {
        return new Addressees() {
            @Override
            public List<Addressee> holdersOf(String rightId, Level level) {
                return List.of();
            }

            @Override
            public Optional<Addressee> user(String userId) {
                return Optional.empty();
            }
        };
    }
}
