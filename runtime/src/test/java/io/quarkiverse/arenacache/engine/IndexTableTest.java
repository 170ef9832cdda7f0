package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IndexTableTest {

    @Test
    void backwardShiftDeletionKeepsEveryProbeRunIntactAcrossTheWrapAround() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            IndexTable table = new IndexTable(64);
            try {
                Map<Long, Long> present = new HashMap<>();
                // hashes crowd the last slots so that probe runs wrap around to slot 0
                for (int i = 0; present.size() < 40; i++) {
                    int home = random.nextInt(3) == 0 ? random.nextInt(64) : 60 + random.nextInt(4);
                    long hash = (random.nextLong() & ~63L) | home;
                    long location = Location.of(i % 64, i);
                    if (!present.containsKey(hash)) {
                        table.insert(hash, location);
                        present.put(hash, location);
                    }
                }
                for (Map.Entry<Long, Long> entry : Map.copyOf(present).entrySet()) {
                    if (random.nextBoolean()) {
                        int slot = table.findLocation(entry.getKey(), entry.getValue());
                        assertThat(slot).isNotNegative();
                        table.delete(slot);
                        present.remove(entry.getKey());
                    }
                    for (Map.Entry<Long, Long> kept : present.entrySet()) {
                        assertThat(table.findLocation(kept.getKey(), kept.getValue())).as("kept entry findable")
                                .isNotNegative();
                    }
                }
                int occupied = 0;
                for (int slot = 0; slot < table.capacity(); slot++) {
                    if (table.locationAt(slot) != Location.EMPTY) {
                        occupied++;
                    }
                }
                assertThat(occupied).isEqualTo(present.size());
            } finally {
                table.close();
            }
        }
    }

    @Test
    void referencedBitIsSetByCasAndIgnoredByLocationLookups() {
        IndexTable table = new IndexTable(64);
        try {
            long location = Location.of(3, 1234);
            table.insert(7, location);
            int slot = table.findLocation(7, location);
            table.markReferenced(slot, location);
            assertThat(Location.isReferenced(table.locationAt(slot))).isTrue();
            assertThat(table.findLocation(7, location)).isEqualTo(slot);
            // a stale CAS (the location changed meanwhile) does nothing
            table.setLocation(slot, Location.of(3, 99));
            table.markReferenced(slot, location);
            assertThat(table.locationAt(slot)).isEqualTo(Location.of(3, 99));
            assertThat(Location.generation(location)).isEqualTo(3);
            assertThat(Location.offset(location)).isEqualTo(1234);
        } finally {
            table.close();
        }
    }

    @Test
    void locationsCarryValueLengthsBelowTheirFieldsLimitAndKeepThemWhenMoved() {
        int longest = (1 << 20) - 2;
        for (int length : new int[] { 0, 1, 64, 1024, longest }) {
            long location = Location.of(5, 4321) | Location.valueLengthBits(length) | Location.WINDOW;
            assertThat(Location.valueLength(location)).isEqualTo(length);
            assertThat(Location.generation(location)).isEqualTo(5);
            assertThat(Location.offset(location)).isEqualTo(4321);
            assertThat(Location.address(location)).isEqualTo(Location.of(5, 4321));
            long moved = Location.moved(location, 7, 99, Location.PROTECTED);
            assertThat(Location.valueLength(moved)).isEqualTo(length);
            assertThat(Location.address(moved)).isEqualTo(Location.of(7, 99));
            assertThat(Location.isProtected(moved)).isTrue();
            assertThat(Location.isWindow(moved)).isFalse();
        }
        for (int length : new int[] { longest + 1, longest + 2, Integer.MAX_VALUE }) {
            assertThat(Location.valueLengthBits(length)).isZero();
        }
        assertThat(Location.valueLength(Location.of(5, 4321))).as("carries none").isEqualTo(-1);
    }

    @Test
    void lookupsByAddressIgnoreTheCarriedValueLength() {
        IndexTable table = new IndexTable(64);
        try {
            table.insert(9, Location.of(2, 640) | Location.valueLengthBits(100));
            assertThat(table.findLocation(9, Location.of(2, 640))).isNotNegative();
            assertThat(table.findLocation(9, Location.of(2, 641))).isEqualTo(-1);
        } finally {
            table.close();
        }
    }
}
