package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;

import org.junit.jupiter.api.Test;

/** How the duel's admission margin follows the keys that lost a duel and came back. */
class AdmissionMarginTest {

    private static final int ENTRIES = 1000;
    /** Seen 3 times: one more than {@link #WARM}. */
    private static final long WARMER = hash(100);
    /** Seen 4 times: two more than {@link #WARM}. */
    private static final long HOTTER = hash(101);
    /** Seen twice. */
    private static final long WARM = hash(102);
    private static final long UNSEEN = hash(103);

    /** The shard whose clocks the policy's hints are stamped with (one shard here). */
    private final WriteState shard = new WriteState();

    private static WindowTinyLfuPolicy fullPolicy(Arena arena) {
        WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, 1, arena);
        policy.observeFull(ENTRIES);
        seen(policy, WARMER, 3);
        seen(policy, HOTTER, 4);
        seen(policy, WARM, 2);
        return policy;
    }

    @Test
    void defeatedVictimsComingBackRaiseTheMarginUpToOneMore() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = fullPolicy(arena);
            assertThat(policy.extraMargin()).isZero();
            assertThat(policy.admits(WARMER, WARM, shard)).as("at first, beating the victim by 1 is enough").isTrue();
            for (long key = 1; key <= 12; key++) {
                policy.recordEviction(hash(key), false, true, shard);
                // a victim that lost its duel is back: admission was too loose
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.extraMargin()).isEqualTo(WindowTinyLfuPolicy.MAX_EXTRA_MARGIN);
            assertThat(policy.admits(WARMER, WARM, shard)).as("now it takes 2").isFalse();
            assertThat(policy.admits(HOTTER, WARM, shard)).isTrue();
            // a victim the sketch has never seen still loses to anything: a stream of new keys flows
            assertThat(policy.admits(UNSEEN, UNSEEN, shard)).isTrue();
        }
    }

    @Test
    void refusedCandidatesComingBackSoonLowerItAndLateOnesDoNot() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = fullPolicy(arena);
            for (long key = 1; key <= 12; key++) {
                policy.recordEviction(hash(key), false, true, shard);
                policy.recordInsertion(hash(key), shard);
            }
            double raised = policy.extraMargin();
            assertThat(raised).isPositive();
            // a refused candidate back long after (more window evictions than half the cache's entries since)
            long late = hash(1);
            policy.recordEviction(late, true, true, shard);
            for (int i = 0; i < ENTRIES; i++) {
                policy.recordEviction(hash(2), true, false, shard); // another slot of the hints: hash(1)'s stays
            }
            policy.recordInsertion(late, shard);
            assertThat(policy.extraMargin()).isEqualTo(raised);
            // evictions without a duel say nothing about the duel
            for (long key = 20; key < 40; key++) {
                policy.recordEviction(hash(key), false, false, shard);
                policy.recordInsertion(hash(key), shard);
                policy.recordEviction(hash(key), true, false, shard);
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.extraMargin()).isEqualTo(raised);
            // refused candidates back at once: admission was too strict
            for (long key = 40; key < 60; key++) {
                policy.recordEviction(hash(key), true, true, shard);
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.extraMargin()).isZero();
            assertThat(policy.admits(WARMER, WARM, shard)).isTrue();
        }
    }

    @Test
    void aFractionalMarginAsksOneMoreInThatShareOfTheDuels() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = fullPolicy(arena);
            for (long key = 1; key <= 5; key++) {
                policy.recordEviction(hash(key), false, true, shard);
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.extraMargin()).isBetween(0.45, 0.55);
            int admitted = 0;
            for (int duel = 0; duel < 100; duel++) {
                admitted += policy.admits(WARMER, WARM, shard) ? 1 : 0;
            }
            assertThat(admitted).isBetween(45, 55);
            assertThat(policy.admits(HOTTER, WARM, shard)).as("beating it by 2 is always enough").isTrue();
        }
    }

    private static void seen(WindowTinyLfuPolicy policy, long hash, int times) {
        for (int i = 0; i < times; i++) {
            policy.recordWrite(hash);
        }
        policy.catchUp();
    }

    private static long hash(long key) {
        return key * 0x9E37_79B9_7F4A_7C15L;
    }
}
