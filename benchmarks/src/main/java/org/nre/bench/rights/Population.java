package org.nre.bench.rights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nre.sample.directory.Account;

/**
 * A console's users, groups and tool-right grants, made up the same way every time (fixed seed): {@value #RIGHTS}
 * rights defined (the NRE plugin's two and 22 others); each group granted two to four of them at random levels;
 * each user in up to {@value #GROUPS_PER_USER} groups; every tenth user also holding one grant directly.
 *
 * <p>It can be written to the console's tables ({@link #writeTo}) or answer, per user, exactly the rows that
 * {@code RightsStore.grantedTo}'s query returns ({@link #grantRows}).
 */
final class Population {

    static final int RIGHTS = 24;
    static final int GROUPS_PER_USER = 3;
    private static final String[] LEVEL_SETS = {"R", "R", "RW", "RW", "W", "RWA", "RWAD", "D"};

    record GrantRow(String subjectType, String subjectId, String rightId, String levels) {
    }

    final String[] rightIds = new String[RIGHTS];
    final Account[] accounts;
    final int groups;
    private final List<GrantRow> grants = new ArrayList<>();
    private final Map<String, List<String>> groupsOf = new HashMap<>();
    private final Map<String, List<GrantRow>> grantsOf = new HashMap<>();

    Population(int users, int groups, long seed) {
        this.groups = groups;
        Random random = new Random(seed);
        rightIds[0] = "nre.registration";
        rightIds[1] = "nre.settings";
        for (int r = 2; r < RIGHTS; r++) {
            rightIds[r] = String.format("tool.right%02d", r);
        }
        for (int g = 0; g < groups; g++) {
            for (int right : distinct(random, 2 + random.nextInt(3), RIGHTS)) {
                add(new GrantRow("GROUP", groupId(g), rightIds[right], LEVEL_SETS[random.nextInt(LEVEL_SETS.length)]));
            }
        }
        accounts = new Account[users];
        for (int u = 0; u < users; u++) {
            Account account = new Account(String.format("u%06d", u), String.format("user%06d", u), "First" + u,
                    "Last" + u, false, false, false);
            accounts[u] = account;
            List<String> memberOf = new ArrayList<>();
            for (int g : distinct(random, Math.min(GROUPS_PER_USER, groups), groups)) {
                memberOf.add(groupId(g));
            }
            groupsOf.put(account.id(), memberOf);
            if (u % 10 == 0) {
                add(new GrantRow("USER", account.id(), rightIds[random.nextInt(RIGHTS)],
                        LEVEL_SETS[random.nextInt(LEVEL_SETS.length)]));
            }
        }
    }

    static String groupId(int g) {
        return String.format("g%04d", g);
    }

    private void add(GrantRow grant) {
        grants.add(grant);
        grantsOf.computeIfAbsent(grant.subjectType() + ":" + grant.subjectId(), k -> new ArrayList<>()).add(grant);
    }

    /** The (right_id, levels) rows RightsStore.grantedTo's query returns for a user: own grants, then groups'. */
    List<String[]> grantRows(String userId) {
        List<String[]> rows = new ArrayList<>();
        for (GrantRow grant : grantsOf.getOrDefault("USER:" + userId, List.of())) {
            rows.add(new String[] {grant.rightId(), grant.levels()});
        }
        for (String group : groupsOf.getOrDefault(userId, List.of())) {
            for (GrantRow grant : grantsOf.getOrDefault("GROUP:" + group, List.of())) {
                rows.add(new String[] {grant.rightId(), grant.levels()});
            }
        }
        return rows;
    }

    /** The groups a user belongs to, as the console's membership would answer. */
    List<String> groupsOf(String userId) {
        return groupsOf.getOrDefault(userId, List.of());
    }

    int grantCount() {
        return grants.size();
    }

    /** Writes groups, memberships and grants into the console's tables (host migrations applied). */
    void writeTo(Connection connection) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement group = connection.prepareStatement(
                "INSERT INTO host_group (id, name, description, created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement member = connection.prepareStatement(
                     "INSERT INTO host_group_member (group_id, user_id) VALUES (?, ?)");
             PreparedStatement grant = connection.prepareStatement(
                     "INSERT INTO host_grant (subject_type, subject_id, right_id, levels) VALUES (?, ?, ?, ?)")) {
            for (int g = 0; g < groups; g++) {
                group.setString(1, groupId(g));
                group.setString(2, "Group " + g);
                group.setString(3, "Benchmark group " + g);
                group.setTimestamp(4, now);
                group.addBatch();
            }
            group.executeBatch();
            int batched = 0;
            for (GrantRow row : grants) {
                grant.setString(1, row.subjectType());
                grant.setString(2, row.subjectId());
                grant.setString(3, row.rightId());
                grant.setString(4, row.levels());
                grant.addBatch();
                if (++batched % 5000 == 0) {
                    grant.executeBatch();
                }
            }
            grant.executeBatch();
            batched = 0;
            for (Map.Entry<String, List<String>> entry : groupsOf.entrySet()) {
                for (String g : entry.getValue()) {
                    member.setString(1, g);
                    member.setString(2, entry.getKey());
                    member.addBatch();
                    if (++batched % 5000 == 0) {
                        member.executeBatch();
                    }
                }
            }
            member.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<Integer> distinct(Random random, int count, int bound) {
        List<Integer> picked = new ArrayList<>(count);
        while (picked.size() < count) {
            int next = random.nextInt(bound);
            if (!picked.contains(next)) {
                picked.add(next);
            }
        }
        return picked;
    }
}
