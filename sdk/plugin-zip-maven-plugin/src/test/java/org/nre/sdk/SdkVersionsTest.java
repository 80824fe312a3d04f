package org.nre.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * plugin-parent stands alone (a plugin outside this repository inherits nothing else), so it repeats versions the
 * project's root pom holds; this keeps the two equal.
 */
class SdkVersionsTest {

    private static final Path ROOT_POM = Path.of("../../pom.xml");
    private static final Path PLUGIN_PARENT = Path.of("../plugin-parent/pom.xml");

    @Test
    void pluginParentBuildsWithTheVersionsTheProjectBuildsWith() throws Exception {
        Map<String, String> root = properties(ROOT_POM);
        Map<String, String> parent = properties(PLUGIN_PARENT);

        for (String shared : parent.keySet()) {
            if (shared.endsWith(".version") && root.containsKey(shared)) {
                assertThat(parent.get(shared)).as(shared).isEqualTo(root.get(shared));
            }
        }
        assertThat(parent).containsKeys("pf4j.version", "compiler-plugin.version", "assembly-plugin.version",
                "jar-plugin.version", "surefire-plugin.version", "host.api.version");
        assertThat(parent.get("maven.compiler.release")).isEqualTo(root.get("maven.compiler.release"));
        assertThat(parent.get("plugin.requires")).isEqualTo(root.get("host.api.requires"));
        assertThat(parent.get("nre.sdk.version")).isEqualTo(projectVersion(ROOT_POM))
                .isEqualTo(projectVersion(PLUGIN_PARENT));
    }

    private static Map<String, String> properties(Path pom) throws Exception {
        Element properties = child(document(pom).getDocumentElement(), "properties");
        Map<String, String> values = new LinkedHashMap<>();
        NodeList nodes = properties.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element property) {
                values.put(property.getTagName(), property.getTextContent().trim());
            }
        }
        return values;
    }

    private static String projectVersion(Path pom) throws Exception {
        return child(document(pom).getDocumentElement(), "version").getTextContent().trim();
    }

    private static Document document(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("No <" + name + "> in <" + parent.getTagName() + ">");
    }
}
