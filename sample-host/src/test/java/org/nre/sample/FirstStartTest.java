package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On first start without NRE_ADMIN_PASSWORD, a one-time password is printed once and must be changed. */
@Tag("slow")
class FirstStartTest {

    @TempDir
    Path dir;

    @Test
    void theFirstAdministratorSignsInWithTheOneTimePasswordAndMustChooseANewOne() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        String oneTime;
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", "")) {
            Matcher printed = Pattern.compile("one-time password:\\s+(\\S+)").matcher(console.printed());
            assertThat(printed.find()).as("printed:\n%s", console.printed()).isTrue();
            oneTime = printed.group(1);

            WebClient admin = console.client();
            admin.signIn("admin", oneTime);
            WebClient.Response panel = admin.get("/panels/nre");
            assertThat(panel.status()).isEqualTo(302);
            assertThat(panel.header("Location")).isEqualTo("/account/password");

            WebClient.Response weak = admin.submit("/account/password", "/account/password",
                    Map.of("current", oneTime, "chosen", "short", "repeated", "short"));
            assertThat(admin.followed(weak).body()).contains("Use at least 12 characters.");

            WebClient.Response changed = admin.submit("/account/password", "/account/password",
                    Map.of("current", oneTime, "chosen", "a-new-long-password", "repeated", "a-new-long-password"));
            assertThat(changed.status()).isEqualTo(303);
            assertThat(admin.get("/").status()).isEqualTo(200);
            assertThat(admin.get("/panels/nre").status()).as("a console administrator holds no tool right until it is "
                    + "granted").isEqualTo(403);
        }
        try (TestConsole again = TestConsole.start(plugins, dir.resolve("data"), null, "sa", "")) {
            assertThat(again.printed()).as("the password is printed only once").doesNotContain("one-time password");
            assertThat(WebClient.signInRefusal(again.client().postForm("/signin", Map.of("login", "admin",
                    "password", oneTime)))).contains("The user name or password is wrong.");
            again.client().signIn("admin", "a-new-long-password");
        }
    }

    @Test
    void aScriptBringsAFreshConsolesAdministratorInThroughTheJsonApi() throws Exception {
        try (TestConsole console = TestConsole.start(TestConsole.dropFolderWithNrePlugin(dir), dir.resolve("data"),
                null, "sa", "")) {
            Matcher printed = Pattern.compile("one-time password:\\s+(\\S+)").matcher(console.printed());
            assertThat(printed.find()).isTrue();
            WebClient admin = console.client();
            assertThat(admin.postJson("/api/session", "{\"login\":\"admin\",\"password\":\"" + printed.group(1)
                    + "\"}", null).status()).isEqualTo(200);
            String token = admin.apiCsrfToken();

            WebClient.Response first = admin.get("/api/plugins");
            assertThat(first.status()).isEqualTo(403);
            assertThat(first.body()).contains("Choose a new password first");
            WebClient.Response weak = admin.postJson("/api/account/password", "{\"current\":\"" + printed.group(1)
                    + "\",\"chosen\":\"short\",\"repeated\":\"short\"}", token);
            assertThat(weak.status()).isEqualTo(422);
            assertThat(weak.body()).contains("Use at least 12 characters.");
            assertThat(admin.postJson("/api/account/password", "{\"current\":\"" + printed.group(1) + "\"}", token)
                    .status()).as("every field is required").isEqualTo(422);
            WebClient.Response changed = admin.postJson("/api/account/password", "{\"current\":\"" + printed.group(1)
                    + "\",\"chosen\":\"a-new-long-password\",\"repeated\":\"a-new-long-password\"}", token);

            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.body()).contains("Your password was changed.");
            assertThat(admin.get("/api/plugins").status()).isEqualTo(200);
            assertThat(admin.postJson("/api/plugins/nre/disable", "{\"_confirmed\": true}", admin.apiCsrfToken())
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        try (TestConsole console = TestConsole.embedded(dir)) {
            WebClient.Response wrong = console.client().postForm("/signin",
                    Map.of("login", "admin", "password", "not-the-password"));
            WebClient.Response unknown = console.client().postForm("/signin",
                    Map.of("login", "nobody", "password", "not-the-password"));

            assertThat(wrong.status()).isEqualTo(303);
            assertThat(unknown.status()).isEqualTo(303);
            assertThat(WebClient.signInRefusal(wrong)).contains("The user name or password is wrong.");
            assertThat(WebClient.signInRefusal(unknown)).contains("The user name or password is wrong.");
        }
    }
}
