package org.nre.sample.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final List<String> NAMES = List.of("Alex", "Morgan");

    @Test
    void commonPasswordsAndTheirUsualDisguisesAreRefusedWithAdvice() {
        for (String common : List.of("Password123456", "qwertyuiop123", "iloveyou12345", "letmein123456",
                "1q2w3e4r5t6y", "Welcome2024!!", "aaaaaaaaaaaa", "P@ssw0rd12345")) {
            assertThat(PasswordPolicy.problem(common, "sysadmin", NAMES)).as(common)
                    .startsWith("It is too easy to guess.").hasSizeGreaterThan("It is too easy to guess. ".length());
        }
    }

    @Test
    void aPasswordContainingTheUserNameIsRefusedWhateverItsCase() {
        assertThat(PasswordPolicy.problem("my-SysAdmin-vault-2031", "sysadmin", NAMES))
                .isEqualTo("It contains the user name 'sysadmin': choose one that does not.");
    }

    @Test
    void theUsersOwnNamesMakeAPasswordWeaker() {
        List<String> names = List.of("Quilberry", "Zorvath");
        assertThat(PasswordPolicy.problem("Zorvath-Quilberry", "qzorvath", names)).startsWith("It is too easy to guess.");
        assertThat(PasswordPolicy.problem("Zorvath-Quilberry", "sysadmin", List.of())).isNull();
    }

    @Test
    void longUncommonPasswordsAndPassphrasesAreAccepted() {
        assertThat(PasswordPolicy.problem("correct horse battery staple", "sysadmin", NAMES)).isNull();
        assertThat(PasswordPolicy.problem("k7#pQ9vL2mWx", "sysadmin", NAMES)).isNull();
        assertThat(PasswordPolicy.problem("Tr0ub4dor&3xyz", "sysadmin", NAMES)).isNull();
    }

    @Test
    void lengthIsCheckedFirstAndAVeryLongPasswordIsMeasuredByItsStartOnly() {
        assertThat(PasswordPolicy.problem("short", "sysadmin", NAMES)).isEqualTo("Use at least 12 characters.");
        assertThat(PasswordPolicy.problem("x".repeat(257), "sysadmin", NAMES)).isEqualTo("Use at most 256 characters.");
        assertThat(PasswordPolicy.problem(" ".repeat(12), "sysadmin", NAMES))
                .isEqualTo("A password cannot be only spaces.");
        // 256 random characters take zxcvbn seconds to measure; the first 64 decide
        String random = "Zq8#vL2mWx!9tRb@4Yp&6Kd$1Hs^3Nf*7Jc(5Gu)0Ea+2Oi=8Lw?".repeat(5).substring(0, 256);
        assertThat(PasswordPolicy.problem(random, "sysadmin", NAMES)).isNull();
    }

    @Test
    void aShortLoginIsNotForbiddenAsAPartOfThePassword() {
        assertThat(PasswordPolicy.problem("jo-correct-horse-battery", "jo", List.of())).isNull();
    }
}
