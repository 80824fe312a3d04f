package org.nre.sample.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyDefaultsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE);
        } else {
            System.setProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE, before);
        }
    }

    @Test
    void unsetTheValueIsJettysOwnAnswerWhenItCannotAsk() {
        System.clearProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE);

        WebServer.settleJettyDefaults();

        assertThat(System.getProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("16");
    }

    @Test
    void aValueTheOperatorSetIsKept() {
        System.setProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE, "8");

        WebServer.settleJettyDefaults();

        assertThat(System.getProperty(WebServer.JETTY_REFERENCES_PER_CACHE_LINE)).isEqualTo("8");
    }
}
