package org.nre.hostkit.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.rights.Level;

/** The console's users as a test sets them up: who they are, their address, and the levels they hold. */
final class Directory implements Addressees {

    private record Holding(Addressee person, String rightId, Level level) {
    }

    private final Map<String, Addressee> users = new LinkedHashMap<>();
    private final List<Holding> holdings = new ArrayList<>();

    Directory user(String userId, String email) {
        users.put(userId, new Addressee(userId, "Doe, " + userId, email));
        return this;
    }

    Directory grant(String userId, String rightId, Level level) {
        holdings.add(new Holding(users.get(userId), rightId, level));
        return this;
    }

    @Override
    public List<Addressee> holdersOf(String rightId, Level level) {
        return holdings.stream().filter(h -> h.rightId().equals(rightId) && h.level().implies(level))
                .map(Holding::person).distinct().toList();
    }

    @Override
    public Optional<Addressee> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }
}
