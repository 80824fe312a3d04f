package org.nre.hostkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.metrics.Metrics;

class ConsoleMetricsTest {

    private final ConsoleMetrics console = new ConsoleMetrics();
    private final Metrics hello = console.forPlugin("hello");

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void aPluginsCounterIsScrapedUnderItsPrometheusName() {
        hello.counter("hello.greetings", "Greetings sent", "outcome", "sent").increment();
        hello.counter("hello.greetings", "Greetings sent", "outcome", "sent").increment();
        hello.counter("hello.greetings", "Greetings sent", "outcome", "refused").increment();

        assertThat(console.scrape()).contains("# HELP hello_greetings_total Greetings sent")
                .contains("hello_greetings_total{outcome=\"sent\"} 2.0")
                .contains("hello_greetings_total{outcome=\"refused\"} 1.0");
    }

    @Test
    void theSameNameAndTagsGiveTheSameMeter() {
        assertThat(hello.counter("hello.greetings", "", "outcome", "sent"))
                .isSameAs(hello.counter("hello.greetings", "", "outcome", "sent"));
    }

    @Test
    void aTimerKeepsCountTotalAndMaximum() {
        hello.timer("hello.call.duration", "How long a call took").record(Duration.ofMillis(250));
        hello.timer("hello.call.duration", "How long a call took").record(Duration.ofMillis(750));

        assertThat(console.scrape()).contains("hello_call_duration_seconds_count 2")
                .contains("hello_call_duration_seconds_sum 1.0").contains("hello_call_duration_seconds_max 0.75");
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThatThrownBy(() -> hello.timer("hello.call.duration", "").record(Duration.ofSeconds(-1)))
                .isInstanceOf(HostApiException.class).hasMessageContaining("not negative");
    }

    @Test
    void aNameOutsideThePluginsIdIsRefused() {
        assertThatThrownBy(() -> hello.counter("jvm.memory", "")).isInstanceOf(HostApiException.class)
                .hasMessageContaining("starts with the plugin's id and a dot ('hello.")
                .hasMessageContaining("'jvm.memory'");
        assertThatThrownBy(() -> hello.counter("hellogreetings", "")).isInstanceOf(HostApiException.class);
    }

    @Test
    void aNameThatIsNotLowerCaseDottedWordsIsRefused() {
        assertThatThrownBy(() -> hello.counter("hello.Greetings", "")).isInstanceOf(HostApiException.class)
                .hasMessageContaining("lower case words joined by dots");
        assertThatThrownBy(() -> hello.counter("hello.", "")).isInstanceOf(HostApiException.class);
        assertThatThrownBy(() -> hello.counter("hello.a-b", "")).isInstanceOf(HostApiException.class);
    }

    @Test
    void tagsThatAreNotPairsAreRefused() {
        assertThatThrownBy(() -> hello.counter("hello.greetings", "", "outcome")).isInstanceOf(HostApiException.class)
                .hasMessageContaining("come in name and value pairs; got 1 strings");
        assertThatThrownBy(() -> hello.counter("hello.greetings", "", "Outcome", "sent"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("lower case identifier");
        assertThatThrownBy(() -> hello.counter("hello.greetings", "", "outcome", null))
                .isInstanceOf(HostApiException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> hello.counter("hello.greetings", "", "outcome", "a", "outcome", "b"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("names the tag 'outcome' twice");
    }

    @Test
    void aNameKeepsTheTagNamesOfItsFirstUse() {
        hello.counter("hello.greetings", "", "outcome", "sent").increment();

        assertThatThrownBy(() -> hello.counter("hello.greetings", "", "channel", "mail"))
                .isInstanceOf(HostApiException.class)
                .hasMessageContaining("first used with the tag names [outcome]").hasMessageContaining("[channel]");
        assertThatThrownBy(() -> hello.counter("hello.greetings", "")).isInstanceOf(HostApiException.class);
        assertThatThrownBy(() -> hello.timer("hello.greetings", "", "outcome", "sent"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("is a counter");
        assertThat(console.scrape()).contains("hello_greetings_total{outcome=\"sent\"} 1.0")
                .doesNotContain("channel");
    }

    @Test
    void registeringAGaugeAgainReplacesItsFunction() {
        hello.gauge("hello.queue", "Greetings waiting", () -> 3, "kind", "mail");
        hello.gauge("hello.queue", "Greetings waiting", () -> 5, "kind", "mail");

        assertThat(console.scrape()).contains("hello_queue{kind=\"mail\"} 5.0");
    }

    @Test
    void aGaugeThatFailsReadsAsNaNAndTheScrapeGoesOn() {
        hello.gauge("hello.broken", "", () -> {
            throw new IllegalStateException("no value");
        });
        hello.counter("hello.greetings", "").increment();

        assertThat(console.scrape()).contains("hello_broken NaN").contains("hello_greetings_total 1.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void aStoppedPluginsMetersGoAndItMayRegisterThemAnew() {
        Metrics other = console.forPlugin("other");
        hello.counter("hello.greetings", "", "outcome", "sent").increment();
        other.counter("other.calls", "").increment();

        console.forget("hello");

        assertThat(console.scrape()).doesNotContain("hello_greetings").contains("other_calls_total 1.0");
        Metrics restarted = console.forPlugin("hello");
        restarted.counter("hello.greetings", "", "channel", "mail").increment();
        assertThat(console.scrape()).contains("hello_greetings_total{channel=\"mail\"} 1.0");
    }

    @Test
    void aCounterKeptAcrossAStopAndAStartCountsAgain() {
        org.nre.hostapi.metrics.Counter kept = hello.counter("hello.greetings", "", "outcome", "sent");
        org.nre.hostapi.metrics.Timer timer = hello.timer("hello.call.duration", "");
        kept.increment();

        console.forget("hello");
        kept.increment();
        timer.record(Duration.ofSeconds(1));

        assertThat(console.scrape()).contains("hello_greetings_total{outcome=\"sent\"} 1.0")
                .contains("hello_call_duration_seconds_count 1");
    }

    @Test
    void theJvmsMetersAreScraped() {
        assertThat(console.scrape()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "jvm_classes_loaded_classes", "system_cpu_count", "process_uptime_seconds");
    }

    @Test
    void pluginsAreCountedByState() {
        console.pluginStates(() -> List.of("STARTED", "STARTED", "FAILED", "REFUSED"));

        assertThat(console.scrape()).contains("console_plugins{state=\"STARTED\"} 2.0")
                .contains("console_plugins{state=\"FAILED\"} 1.0").contains("console_plugins{state=\"REFUSED\"} 1.0")
                .contains("console_plugins{state=\"DISABLED\"} 0.0");
    }

    @Test
    void theConsolesOwnMetersShareTheRegistry() {
        console.registry().counter("console.signins", "outcome", "success").increment();

        assertThat(console.scrape()).contains("console_signins_total{outcome=\"success\"} 1.0");
    }
}
