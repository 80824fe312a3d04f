package org.nre.plugin.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.storage.Sql;

/**
 * Stores what happens to the district's registrations: a change of a registration and the history line that
 * tells of it in one transaction, under optimistic locking, and the audit entry for every change of state.
 */
final class Records {

    /** More work for the same transaction. */
    @FunctionalInterface
    interface Also {
        void run(Connection connection) throws SQLException;

        Also NOTHING = connection -> { };
    }

    private final RegistrationStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final StateChanges changes;

    Records(RegistrationStore store, AuditLog audit, Clock clock, StateChanges changes) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    RegistrationStore store() {
        return store;
    }

    Sql sql() {
        return store.sql();
    }

    Clock clock() {
        return clock;
    }

    /**
     * Stores {@code next} in place of {@code from}, as read, with a history line.
     *
     * @return false when the registration changed meanwhile; nothing is stored then
     */
    boolean move(ActingUser user, Registration from, Registration next, String action, String detail,
                 Delivery delivery, String requestKey, Also also) {
        boolean moved = sql().inTransaction(connection -> {
            if (!RegistrationStore.update(connection, next)) {
                return false;
            }
            also.run(connection);
            RegistrationStore.record(connection, from.districtId(), entry(user, action, from.id(), from.state(),
                    next.state(), detail, delivery, requestKey));
            return true;
        });
        if (moved && from.state() != next.state()) {
            audit.record(user, "nre.state", "The National Records Exchange registration went from "
                    + Words.describe(from.state()) + " to " + Words.describe(next.state()));
            changes.moved(user, from, next);
        }
        return moved;
    }

    /** A history line that changes no registration. */
    void note(ActingUser user, String districtId, String registrationId, String action, String detail,
              Delivery delivery, String requestKey) {
        store.record(districtId, entry(user, action, registrationId, null, null, detail, delivery, requestKey));
    }

    HistoryEntry entry(ActingUser user, String action, String registrationId, RegistrationState from,
                       RegistrationState to, String detail, Delivery delivery, String requestKey) {
        return new HistoryEntry(clock.instant(), user.id(), user.displayName(), user.remoteAddress(), action,
                from == to ? null : from, from == to ? null : to, detail, registrationId, delivery, requestKey);
    }

    void audit(ActingUser user, String action, String detail) {
        audit.record(user, action, detail);
    }
}
