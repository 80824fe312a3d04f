package org.nre.bench.rights;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that answers the one query {@code RightsStore.grantedTo} sends (the user's own and their
 * groups' grants) from a {@link Population} in memory, and refuses any other statement.
 *
 * <p>Why: on H2 that query scans the whole {@code host_grant} table (the OR between the user's and the groups'
 * grants keeps it off the indexes), about 2 ms per user at 10,000 users, so computing 100,000 users' rights into
 * the cache would take most of an hour per benchmark trial. Everything else on the way from the rows to the cached
 * {@code EffectiveRights} is the console's own code (RightsStore, Grant.parse, EffectiveRights.of, RightsCache).
 * {@link RightsCheckBenchmark} checks, for small populations, that the answers equal H2's.
 */
final class GrantsDataSource {

    private GrantsDataSource() {
    }

    static DataSource of(Population population) {
        return proxy(DataSource.class, (self, method, args) -> switch (method.getName()) {
            case "getConnection" -> connection(population);
            case "toString" -> "GrantsDataSource";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException("DataSource." + method.getName());
        });
    }

    private static Connection connection(Population population) {
        return proxy(Connection.class, (self, method, args) -> switch (method.getName()) {
            case "prepareStatement" -> statement(population, (String) args[0]);
            case "close", "setAutoCommit", "commit", "rollback" -> null;
            case "getAutoCommit", "isClosed" -> method.getName().equals("getAutoCommit");
            case "toString" -> "GrantsConnection";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException("Connection." + method.getName());
        });
    }

    private static PreparedStatement statement(Population population, String sql) {
        String flat = sql.replaceAll("\\s+", " ").toLowerCase();
        if (!flat.startsWith("select right_id, levels from host_grant")) {
            throw new UnsupportedOperationException("Only RightsStore.grantedTo's query is answered, not: " + sql);
        }
        Map<Integer, Object> params = new HashMap<>();
        return proxy(PreparedStatement.class, (self, method, args) -> switch (method.getName()) {
            case "setObject", "setString" -> {
                params.put((Integer) args[0], args[1]);
                yield null;
            }
            case "executeQuery" -> rows(population.grantRows(String.valueOf(params.get(1))));
            case "close" -> null;
            case "toString" -> "GrantsStatement[" + sql + "]";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException("PreparedStatement." + method.getName());
        });
    }

    private static ResultSet rows(List<String[]> rows) {
        int[] at = {-1};
        return proxy(ResultSet.class, (self, method, args) -> switch (method.getName()) {
            case "next" -> ++at[0] < rows.size();
            case "getString" -> args[0] instanceof Integer column ? rows.get(at[0])[column - 1]
                    : rows.get(at[0])["right_id".equalsIgnoreCase((String) args[0]) ? 0 : 1];
            case "wasNull" -> false;
            case "close" -> null;
            case "toString" -> "GrantsResultSet";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> throw new UnsupportedOperationException("ResultSet." + method.getName());
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(GrantsDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
