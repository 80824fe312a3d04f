package org.nre.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Users at work on one console the whole time, each answer kept: a signed-in user loading pages, people signing
 * in, and an administrator making changes (a new group each time), all through the console's pages and API.
 */
final class ConsoleTraffic implements AutoCloseable {

    /** One answer the console gave, or the failure that stood for it (status 0). */
    record Answer(String kind, Instant sent, Duration took, int status, String detail, boolean served) {
    }

    private static final Duration PAGE_PAUSE = Duration.ofMillis(100);
    private static final Duration SIGN_IN_PAUSE = Duration.ofMillis(500);
    private static final Duration CHANGE_PAUSE = Duration.ofMillis(700);

    final String name;
    private final ConsoleProcess console;
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> users = new ArrayList<>();
    private volatile boolean running = true;

    private ConsoleTraffic(String name, ConsoleProcess console) {
        this.name = name;
        this.console = console;
    }

    /**
     * Starts the users on a console whose database is up; sysadmin must hold nre.registration.
     *
     * @param name the console's name in the answers, such as node 2
     * @param signingIn the demo user who signs in again and again: one per console, as the sign-in throttle counts
     *                  each attempt of a user name from an address before checking it, and so would slow one name
     *                  signing in on every console at once
     */
    static ConsoleTraffic start(String name, ConsoleProcess console, String signingIn) {
        ConsoleTraffic traffic = new ConsoleTraffic(name, console);
        WebClient reader = console.client();
        reader.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        WebClient admin = console.client();
        admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        String csrf = admin.apiCsrfToken();
        traffic.user("page", PAGE_PAUSE, () -> reader.get("/panels/nre"), answer -> answer.status() == 200
                && answer.body().contains("Exchange Status:"));
        traffic.user("sign-in", SIGN_IN_PAUSE, () -> console.client().postForm("/signin", Map.of("login",
                signingIn, "password", TestConsole.DEMO_PASSWORD)), answer -> answer.status() == 303
                && !answer.header("Location").startsWith("/signin"));
        int[] groups = {0};
        traffic.user("admin change", CHANGE_PAUSE, () -> admin.postJson("/api/groups", "{\"name\":\"Load "
                + name + " " + ++groups[0] + "\",\"description\":\"Made while a node is lost\"}", csrf),
                answer -> answer.status() == 201);
        return traffic;
    }

    private void user(String kind, Duration pause, Supplier<WebClient.Response> request,
                      Predicate<WebClient.Response> served) {
        Thread user = new Thread(() -> {
            while (running) {
                Instant sent = Instant.now();
                long started = System.nanoTime();
                try {
                    WebClient.Response answer = request.get();
                    boolean ok = served.test(answer);
                    answers.add(new Answer(kind, sent, Duration.ofNanos(System.nanoTime() - started),
                            answer.status(), ok ? "" : told(answer), ok));
                } catch (RuntimeException e) {
                    answers.add(new Answer(kind, sent, Duration.ofNanos(System.nanoTime() - started), 0,
                            String.valueOf(e), false));
                }
                pause(pause);
            }
        }, "traffic-" + name + "-" + kind);
        user.setDaemon(true);
        user.start();
        users.add(user);
    }

    /** What the user was told: the page or problem, or where a redirect led and the sign-in refusal it carries. */
    private static String told(WebClient.Response answer) {
        if (answer.status() != 303) {
            return answer.body();
        }
        boolean refused = answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("nre_signin="));
        return "to " + answer.header("Location") + (refused ? ": " + WebClient.signInRefusal(answer) : "");
    }

    /** Every answer so far. */
    List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** The answers to requests sent in [from, to). */
    List<Answer> sentBetween(Instant from, Instant to) {
        return answers().stream().filter(a -> !a.sent().isBefore(from) && a.sent().isBefore(to)).toList();
    }

    /** The answers that came before {@code at}. */
    List<Answer> answeredBefore(Instant at) {
        return answers().stream().filter(a -> a.sent().plus(a.took()).isBefore(at)).toList();
    }

    /** Those that were not served as they should be. */
    static List<Answer> failed(List<Answer> answers) {
        return answers.stream().filter(a -> !a.served()).toList();
    }

    /** The longest any answer took. */
    static Duration slowest(List<Answer> answers) {
        return answers.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    ConsoleProcess console() {
        return console;
    }

    @Override
    public void close() {
        running = false;
        for (Thread user : users) {
            try {
                user.join(Duration.ofSeconds(35).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
