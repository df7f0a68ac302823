package dev.orchestrion.support.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made later sort later, so rows
 * keyed by them are appended at the right edge of a B-tree index instead of landing on a random page of it: each
 * insert touches the one hot page that is already in memory, writes it once per checkpoint, and the index stays dense.
 * With random (version 4) ids the primary keys of runs and of applied events touched a random page per insert, read
 * it from disk once the index outgrew the buffer cache, and wrote a full-page image of it after every checkpoint (about
 * half the WAL of an eagerly executed run). The random bits keep them unguessable and unique across instances.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new version 7 UUID for the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 4) | ((random[1] & 0xF0L) >>> 4); // 12 bits
        long msb = ((epochMillis & 0xFFFF_FFFF_FFFFL) << 16) | 0x7000L | randA;
        long lsb = 0;
        for (int i = 2; i < 10; i++) {
            lsb = (lsb << 8) | (random[i] & 0xFFL);
        }
        lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return new UUID(msb, lsb);
    }
}
