package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code of the project, the host's, a plugin's, an example's or the SDK's, uses a statement that a Galera cluster
 * does not replicate, or that takes a lock only on the node it runs on while the code counts on it cluster-wide. The
 * cluster the Galera tests run on refuses what it can see itself (a table without a primary key, an engine it does
 * not replicate); this check covers the rest, which would run there without an error and still be wrong.
 */
class GaleraReplicatedStatementsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What Galera does not replicate, or replicates as something else than the code would mean. */
    static final Map<String, Pattern> NOT_REPLICATED = Map.of(
            "a table lock (held on one node only)", sql("\\bLOCK\\s+TABLES?\\b"),
            "a named lock (held on one node only)", sql("\\b(GET_LOCK|RELEASE_LOCK|IS_FREE_LOCK)\\s*\\("),
            "a temporary table (not replicated)", sql("\\bCREATE\\s+(OR\\s+REPLACE\\s+)?TEMPORARY\\b"),
            "an engine other than InnoDB (not replicated)", sql("(\\)|\\bTABLE\\s+[\\w`.]+)\\s*ENGINE\\s*=\\s*(?!InnoDB\\b)\\w+"),
            "an XA transaction (not supported)", sql("\\bXA\\s+(START|BEGIN)\\b"),
            "a global read lock (stalls the cluster)", sql("\\bFLUSH\\s+TABLES\\s+WITH\\s+READ\\s+LOCK\\b"),
            "a write to the system schema (not replicated)",
            sql("\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+`?mysql`?\\."));

    private static Pattern sql(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    @Test
    void noSourceOrMigrationUsesAStatementGaleraDoesNotReplicate() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).as("the project's sources and migrations, from %s", ROOT).hasSizeGreaterThan(100)
                .anyMatch(path -> path.toString().endsWith("V1__host_kit.sql"))
                .anyMatch(path -> path.toString().endsWith("LeaseScheduler.java"));

        List<String> found = new ArrayList<>();
        for (Path source : sources) {
            found.addAll(findings(ROOT.relativize(source).toString(), Files.readString(source)));
        }

        assertThat(found).as("statements Galera does not replicate (docs/operations.md, Galera)").isEmpty();
    }

    @Test
    void theCheckFindsEachStatementInCodeButNotInAComment() {
        String code = """
                // A comment may say GET_LOCK(...) or LOCK TABLES: only code counts.
                jdbc.update("LOCK TABLES host_user WRITE");
                jdbc.one("SELECT GET_LOCK('nre', 10)");
                /* ENGINE=MyISAM in a comment */ String ddl = "CREATE TEMPORARY TABLE t (id INT) ENGINE=MEMORY";
                jdbc.update("XA START 'x'"); jdbc.update("FLUSH TABLES WITH READ LOCK");
                jdbc.update("INSERT INTO mysql.user VALUES (1)");
                jdbc.update("ALTER TABLE host_user ENGINE=Aria");
                jdbc.update("CREATE TABLE fine (id INT PRIMARY KEY) ENGINE=InnoDB");
                TemplateEngine engine = TemplateEngine.create();
                """;

        assertThat(findings("Example.java", code)).hasSize(8);
        assertThat(findings("V9__example.sql", "-- LOCK TABLES in a comment\nCREATE TABLE t (id INT PRIMARY KEY);"))
                .isEmpty();
    }

    static List<String> findings(String name, String text) {
        String code = withoutComments(name, text);
        List<String> found = new ArrayList<>();
        NOT_REPLICATED.forEach((what, pattern) -> {
            Matcher matcher = pattern.matcher(code);
            while (matcher.find()) {
                found.add(name + ": " + what + ": " + matcher.group());
            }
        });
        return found;
    }

    /** Comments may name what code must not do; a URL's {@code //} only shortens what is searched. */
    private static String withoutComments(String name, String text) {
        String code = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL).matcher(text).replaceAll(" ");
        String lineComment = name.endsWith(".sql") ? "--[^\\n]*" : "//[^\\n]*";
        return Pattern.compile(lineComment).matcher(code).replaceAll("");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().contains("/src/main/"))
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
                    .filter(path -> path.toString().endsWith(".java") || path.toString().endsWith(".sql"))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
