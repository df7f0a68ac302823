package dev.orchestrion.runner.cache;

/**
 * A per-instance cache that other instances can empty through {@link CacheChannel}. Both methods are called on an
 * event loop: they must only drop entries from memory, never block.
 */
public interface NotifiedCache {

    /** The payload kind this cache answers to ({@link CacheChannel#API_KEY}, {@link CacheChannel#BINDINGS}). */
    String kind();

    /** Forgets the entry (or entries) of this key, if any. */
    void forget(String key);

    /** Forgets everything: notices may have been missed while the listener was disconnected. */
    void forgetAll();
}
