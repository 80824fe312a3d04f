package org.nre.sample.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    final Passwords passwords = new Passwords(new SecureRandom());

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
}
