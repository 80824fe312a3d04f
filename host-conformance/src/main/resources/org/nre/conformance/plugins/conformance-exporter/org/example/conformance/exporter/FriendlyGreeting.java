package org.example.conformance.exporter;

import org.example.conformance.api.Greeting;
import org.pf4j.Extension;

/** The exporter's own implementation of its extension point. */
@Extension
public class FriendlyGreeting implements Greeting {

    @Override
    public String greet(String name) {
        return "Hello, " + name;
    }

    @Override
    public boolean ownClassLoader() {
        return Thread.currentThread().getContextClassLoader() == FriendlyGreeting.class.getClassLoader();
    }

    @Override
    public void fail() {
        throw new IllegalStateException("conformance: thrown by the exporter");
    }
}
