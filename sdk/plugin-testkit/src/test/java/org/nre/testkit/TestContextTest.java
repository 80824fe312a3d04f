package org.nre.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.user.ActingUser;

class TestContextTest {

    @Test
    void settingsAndSecretsAreTheConsolesOwnAndSurviveARestartOnTheSameDatabase() {
        try (TestDatabase database = TestDatabase.h2()) {
            try (TestContext first = TestContext.forPlugin("notes").database(database).setting("colour", "green")
                    .start()) {
                first.context().secrets().put("api-key", "k-1");
            }
            try (TestContext again = TestContext.forPlugin("notes").database(database).start()) {
                assertThat(again.context().settings().all()).containsEntry("colour", "green");
                assertThat(again.context().secrets().isSet("api-key")).isTrue();
                assertThat(again.context().secrets().read("api-key")).contains("k-1");
            }
            try (TestContext other = TestContext.forPlugin("other").database(database).start()) {
                assertThat(other.context().settings().all()).as("another plugin's settings").isEmpty();
                assertThat(other.context().secrets().isSet("api-key")).isFalse();
            }
        }
    }

    @Test
    void theAuditLogRecordsUnderThePluginsIdAtTheClocksTime() {
        try (TestContext console = TestContext.forPlugin("notes").clock(TestClock.at("2026-02-01T10:00:00Z"))
                .start()) {
            console.context().audit().record(TestUsers.withoutRights("jdoe"), "notes.read", "Read them all");

            assertThat(console.audit()).containsExactly(new AuditEntry(console.clock().instant(), "notes", "jdoe",
                    "notes.read", "Read them all"));
        }
    }

    @Test
    void aTaskRunsOnlyWhenTheTestSaysAndNotOnceCancelled() throws Exception {
        try (TestContext console = TestContext.forPlugin("notes").start()) {
            AtomicInteger runs = new AtomicInteger();
            ScheduledTask task = console.context().scheduler().schedule("count", Duration.ofSeconds(30), () -> {
                runs.incrementAndGet();
                return Duration.ofMinutes(2);
            });

            assertThat(runs).hasValue(0);
            assertThat(console.runTask("count")).isEqualTo(Duration.ofMinutes(2));
            assertThat(runs).hasValue(1);
            task.runSoon();
            assertThat(console.runSoonAsked("count")).isTrue();
            task.cancel();
            assertThat(console.scheduledTasks()).isEmpty();
            assertThatThrownBy(() -> console.runTask("count")).hasMessageContaining("No task 'count' is scheduled");
        }
    }

    @Test
    void whatAConsoleRefusesTheContextRefusesToo() {
        try (TestContext console = TestContext.forPlugin("notes").withoutDistrict().start()) {
            assertThat(console.context().district().current()).isEmpty();
            assertThatThrownBy(() -> console.context().scheduler().schedule(" ", Duration.ZERO, () -> Duration.ZERO))
                    .isInstanceOf(HostApiException.class).hasMessageContaining("name");
            ActingUser nobody = TestUsers.withoutRights("guest");
            assertThat(nobody.rights().allows("notes.use", org.nre.hostapi.rights.Level.READ)).isFalse();
        }
    }

    @Test
    void metricsAreKeptAndCheckedAsAConsoleDoes() {
        try (TestContext console = TestContext.forPlugin("hello").start()) {
            var metrics = console.context().metrics();
            metrics.counter("hello.greetings", "Greetings sent", "outcome", "sent").increment();
            metrics.gauge("hello.queue", "Greetings waiting", () -> 3, "kind", "mail");
            metrics.gauge("hello.queue", "Greetings waiting", () -> 4, "kind", "sms");

            assertThat(console.metrics().count("hello.greetings", "outcome", "sent")).isEqualTo(1.0);
            assertThat(console.metrics().gauge("hello.queue", "kind", "sms")).isEqualTo(4.0);
            assertThatThrownBy(() -> console.metrics().gauge("hello.queue")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("fit 2 gauges");
            assertThatThrownBy(() -> metrics.counter("other.greetings", "")).isInstanceOf(HostApiException.class)
                    .hasMessageContaining("starts with the plugin's id and a dot ('hello.");
            assertThatThrownBy(() -> metrics.counter("hello.greetings", "", "channel", "mail"))
                    .isInstanceOf(HostApiException.class).hasMessageContaining("first used with the tag names");
        }
    }
}
