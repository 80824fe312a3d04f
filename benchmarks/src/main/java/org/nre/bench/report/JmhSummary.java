package org.nre.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results (-rf json) and prints, per benchmark and parameters, the median of the measured
 * iterations with their range, then the verdicts docs/performance.md reports: the rights check against 50 ns and
 * its flatness across users and groups, and the router client's overhead over the bare call (target 20%).
 *
 * <p>Usage: {@code java -cp ... org.nre.bench.report.JmhSummary results.json...}
 */
public final class JmhSummary {

    static final double RIGHTS_TARGET_NS = 50;
    static final double ROUTER_TARGET_OVERHEAD = 0.20;

    record Row(String set, String benchmark, String params, double median, double min, double max, double mean,
               double error, String unit, int samples) {
    }

    private JmhSummary() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (String file : args) {
            String set = Path.of(file).getFileName().toString().replaceFirst("^jmh-", "").replaceFirst("\\.json$", "");
            for (JsonNode result : json.readTree(Path.of(file).toFile())) {
                rows.add(row(set, result));
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %-44s %-22s %10s %21s %18s %6s%n", "run", "benchmark", "params",
                "median", "range (min..max)", "mean +- 99.9%", "unit");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-16s %-44s %-22s %10.2f %21s %18s %6s%n", row.set(), row.benchmark(),
                    row.params(),
                    row.median(), String.format(Locale.ROOT, "%.2f..%.2f", row.min(), row.max()),
                    String.format(Locale.ROOT, "%.2f +- %.2f", row.mean(), row.error()), row.unit());
        }
        rightsVerdict(rows);
        routerVerdict(rows);
    }

    private static Row row(String set, JsonNode result) {
        String benchmark = result.get("benchmark").asText().replaceFirst("^org\\.nre\\.bench\\.", "");
        StringBuilder params = new StringBuilder();
        JsonNode given = result.get("params");
        if (given != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                params.append(params.length() == 0 ? "" : " ").append(param.getKey()).append('=')
                        .append(param.getValue().asText());
            }
        }
        JsonNode metric = result.get("primaryMetric");
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode iteration : fork) {
                values.add(iteration.asDouble());
            }
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Row(set, benchmark, params.toString(), median(sorted), sorted[0], sorted[sorted.length - 1],
                metric.get("score").asDouble(), metric.get("scoreError").asDouble(Double.NaN),
                metric.get("scoreUnit").asText(), sorted.length);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void rightsVerdict(List<Row> rows) {
        for (String name : List.of("allows", "cachedAllows")) {
            List<Row> checks = rows.stream().filter(r -> r.benchmark().equals("rights.RightsCheckBenchmark." + name))
                    .toList();
            if (checks.isEmpty()) {
                continue;
            }
            Row worst = checks.stream().max((a, b) -> Double.compare(a.median(), b.median())).orElseThrow();
            Row best = checks.stream().min((a, b) -> Double.compare(a.median(), b.median())).orElseThrow();
            // Flatness per dimension: at each group count, largest over smallest user count; and vice versa.
            Map<String, double[]> byGroups = new LinkedHashMap<>();
            Map<String, double[]> byUsers = new LinkedHashMap<>();
            for (Row row : checks) {
                Map<String, String> p = params(row.params());
                spread(byGroups, "groups=" + p.get("groups"), row.median());
                spread(byUsers, "users=" + p.get("users"), row.median());
            }
            System.out.printf(Locale.ROOT, "%nRIGHTS %s: worst median %.1f ns (%s), best %.1f ns (%s); target <= %.0f ns:"
                            + " %s%n", name, worst.median(), worst.params(), best.median(), best.params(),
                    RIGHTS_TARGET_NS, worst.median() <= RIGHTS_TARGET_NS ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "RIGHTS %s: growth across users (max/min median at the same groups): %s%n",
                    name, ratios(byGroups));
            System.out.printf(Locale.ROOT, "RIGHTS %s: growth across groups (max/min median at the same users): %s%n",
                    name, ratios(byUsers));
        }
    }

    private static void spread(Map<String, double[]> into, String key, double value) {
        double[] range = into.computeIfAbsent(key, k -> new double[] {Double.MAX_VALUE, 0});
        range[0] = Math.min(range[0], value);
        range[1] = Math.max(range[1], value);
    }

    private static String ratios(Map<String, double[]> ranges) {
        StringBuilder out = new StringBuilder();
        ranges.forEach((key, range) -> out.append(out.length() == 0 ? "" : ", ").append(key).append(": x")
                .append(String.format(Locale.ROOT, "%.2f", range[1] / range[0])));
        return out.toString();
    }

    private static Map<String, String> params(String params) {
        Map<String, String> map = new LinkedHashMap<>();
        Arrays.stream(params.split(" ")).filter(p -> p.contains("="))
                .forEach(p -> map.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1)));
        return map;
    }

    private static void routerVerdict(List<Row> rows) {
        for (String set : rows.stream().map(Row::set).distinct().toList()) {
            for (String op : List.of("Register", "Status")) {
                Row client = find(rows, set, "router.RouterClientBenchmark.client" + op);
                Row bare = find(rows, set, "router.RouterClientBenchmark.bare" + op);
                if (client != null && bare != null) {
                    routerVerdict(set, op, client, bare);
                }
                Row signed = find(rows, set, "router.RouterClientBenchmark.bareSigned" + op);
                if (client != null && signed != null) {
                    System.out.printf(Locale.ROOT, "ROUTER [%s] %s beside the bare call with the signature headers: "
                                    + "bare signed %.1f us, ratio %.2f, overhead %+.0f%%%n", set,
                            op.toLowerCase(Locale.ROOT), signed.median(), client.median() / signed.median(),
                            (client.median() / signed.median() - 1) * 100);
                }
            }
        }
    }

    private static void routerVerdict(String set, String op, Row client, Row bare) {
        double overhead = client.median() / bare.median() - 1;
        System.out.printf(Locale.ROOT, "%nROUTER [%s] %s: client %.1f us, bare %.1f us (medians): ratio %.2f, "
                        + "overhead %+.0f%% (%+.1f us); target <= %.0f%%: %s%n", set, op.toLowerCase(Locale.ROOT),
                client.median(), bare.median(), client.median() / bare.median(), overhead * 100,
                client.median() - bare.median(), ROUTER_TARGET_OVERHEAD * 100,
                overhead <= ROUTER_TARGET_OVERHEAD ? "MET" : "NOT MET");
    }

    private static Row find(List<Row> rows, String set, String benchmark) {
        return rows.stream().filter(r -> r.set().equals(set) && r.benchmark().equals(benchmark)).findFirst()
                .orElse(null);
    }
}
