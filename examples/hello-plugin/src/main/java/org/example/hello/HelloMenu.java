package org.example.hello;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** Tools &gt; Hello, for users who may read the right hello.greetings. */
@Extension
public class HelloMenu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("hello", List.of("Tools"), "Hello", 10, Permission.read("hello.greetings"),
                "hello"));
    }
}
