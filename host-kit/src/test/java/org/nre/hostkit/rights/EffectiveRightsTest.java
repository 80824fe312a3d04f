package org.nre.hostkit.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.rights.Level;

class EffectiveRightsTest {

    final RightIndex index = new RightIndex();

    @Test
    void everyGrantedLevelAlsoGrantsReadAndNothingElse() {
        EffectiveRights rights = EffectiveRights.of(Map.of("nre.registration", Set.of(Level.DELETE)), index);

        assertThat(rights.allows("nre.registration", Level.DELETE)).isTrue();
        assertThat(rights.allows("nre.registration", Level.READ)).isTrue();
        assertThat(rights.allows("nre.registration", Level.WRITE)).isFalse();
        assertThat(rights.allows("nre.registration", Level.ADD)).isFalse();
    }

    @Test
    void aRightNobodyWasGrantedIsRefusedAndARightGrantedToAnotherUserIsRefusedToThisOne() {
        EffectiveRights alice = EffectiveRights.of(Map.of("nre.registration", Set.of(Level.WRITE)), index);
        EffectiveRights bob = EffectiveRights.of(Map.of("nre.settings", Set.of(Level.READ)), index);

        assertThat(alice.allows("never.granted", Level.READ)).isFalse();
        assertThat(alice.allows("nre.settings", Level.READ)).isFalse();
        assertThat(bob.allows("nre.registration", Level.READ)).isFalse();
        assertThat(bob.allows("nre.settings", Level.READ)).isTrue();
    }

    @Test
    void manyRightsBeyondTheFirstWordAnswerEachForItself() {
        Map<String, Set<Level>> granted = new LinkedHashMap<>();
        for (int i = 0; i < 70; i++) {
            granted.put("right." + i, i % 3 == 0 ? EnumSet.of(Level.WRITE, Level.ADD) : i % 3 == 1
                    ? EnumSet.of(Level.READ) : EnumSet.noneOf(Level.class));
        }

        EffectiveRights rights = EffectiveRights.of(granted, index);

        for (int i = 0; i < 70; i++) {
            String id = "right." + i;
            assertThat(rights.allows(id, Level.READ)).as(id + " R").isEqualTo(i % 3 != 2);
            assertThat(rights.allows(id, Level.WRITE)).as(id + " W").isEqualTo(i % 3 == 0);
            assertThat(rights.allows(id, Level.ADD)).as(id + " A").isEqualTo(i % 3 == 0);
            assertThat(rights.allows(id, Level.DELETE)).as(id + " D").isFalse();
        }
    }

    @Test
    void aUserComputedBeforeARightWasNumberedStillAnswersForIt() {
        EffectiveRights early = EffectiveRights.of(Map.of("a", Set.of(Level.READ)), index);
        Map<String, Set<Level>> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("later." + i, Set.of(Level.READ));
        }
        EffectiveRights late = EffectiveRights.of(many, index);

        assertThat(early.allows("later.39", Level.READ)).isFalse();
        assertThat(late.allows("later.39", Level.READ)).isTrue();
        assertThat(late.allows("a", Level.READ)).isFalse();
    }

    @Test
    void noGrantsHoldNone() {
        assertThat(EffectiveRights.none().allows("nre.registration", Level.READ)).isFalse();
        assertThat(EffectiveRights.of(Map.of(), index).allows("nre.registration", Level.READ)).isFalse();
    }
}
