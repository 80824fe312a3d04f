package org.nre.sample.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Argon2Function;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nre.hostkit.ConfigException;
import org.nre.sample.directory.Account;

class PasswordsTest {

    static final List<Account> ACCOUNTS = List.of(Accounts.firstAdministrator(false),
            new Account("u-kim", "kim.lopez", "Kim", "Lopez", false, false, false));

    final Passwords passwords = new Passwords(new SecureRandom(), new Hashing(2));

    @Test
    void theDecoyIsHashedWithTheSameParametersAsEveryPassword() {
        String real = passwords.hash("a-password-long-enough");

        assertThat(Argon2Function.getInstanceFromHash(Passwords.DECOY))
                .isEqualTo(Argon2Function.getInstanceFromHash(real));
    }

    @Test
    void aPasswordMatchesItsOwnHashOnly() {
        String hash = passwords.hash("a-password-long-enough");

        assertThat(passwords.matches("a-password-long-enough", hash)).isTrue();
        assertThat(passwords.matches("another-password-entirely", hash)).isFalse();
        assertThat(passwords.matches("a-password-long-enough", Passwords.DECOY)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseEachHasItsOwnSalt() {
        assertThat(passwords.hash("a-password-long-enough")).isNotEqualTo(passwords.hash("a-password-long-enough"));
    }

    @Test
    void aNewAccountsPasswordIsTheConfiguredOneOrAGeneratedOneThatMustBeShown() {
        NewPassword configured = passwords.newPassword("a-password-long-enough", "NRE_TEST_PASSWORD", ACCOUNTS, null);
        NewPassword generated = passwords.newPassword("", "NRE_TEST_PASSWORD", ACCOUNTS, null);

        assertThat(configured.text()).isEqualTo("a-password-long-enough");
        assertThat(configured.generated()).isFalse();
        assertThat(generated.text()).matches("[A-Za-z0-9_-]{20}");
        assertThat(generated.generated()).isTrue();
        assertThat(passwords.matches(generated.text(), generated.hash())).isTrue();
        assertThat(configured.toString()).doesNotContain("a-password-long-enough");
    }

    @Test
    void aConfiguredPasswordTheRulesRefuseFailsTheStartNamingTheSettingAndTheAccount() {
        NewPassword common = passwords.newPassword("Password123456", "NRE_TEST_PASSWORD", ACCOUNTS, null);
        NewPassword withName = passwords.newPassword("kim.lopez-long-secret", "NRE_TEST_PASSWORD", ACCOUNTS,
                Runnable::run);

        assertThatThrownBy(common::hash).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("NRE_TEST_PASSWORD cannot be the password of 'admin': It is too easy to guess.");
        assertThatThrownBy(withName::hash).isInstanceOf(ConfigException.class)
                .hasMessageContaining("of 'kim.lopez': It contains the user name 'kim.lopez'");
    }

    @Test
    void aPasswordHashedAheadIsHashedOnTheGivenExecutorAtOnceAndTheHashWaitsForIt() throws Exception {
        List<Thread> hashers = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Executor ahead = task -> {
            Thread thread = new Thread(() -> {
                started.countDown();
                task.run();
            }, "hash-ahead");
            hashers.add(thread);
            thread.start();
        };

        NewPassword password = passwords.newPassword("a-password-long-enough", "NRE_TEST_PASSWORD", ACCOUNTS, ahead);

        assertThat(started.await(10, TimeUnit.SECONDS)).as("hashing started before anyone asked").isTrue();
        assertThat(passwords.matches("a-password-long-enough", password.hash())).isTrue();
        assertThat(hashers).hasSize(1);
    }
}
