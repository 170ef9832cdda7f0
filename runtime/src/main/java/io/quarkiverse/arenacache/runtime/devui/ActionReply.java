package io.quarkiverse.arenacache.runtime.devui;

/**
 * The outcome of a Dev UI action on a cache. Failures (unknown cache, unparsable key, key type without a text form)
 * are answers rather than JSON-RPC errors so that the page can show the message next to the action.
 *
 * @param cache the cache name as requested
 * @param key the key as typed, or {@code null} for actions on the whole cache
 * @param ok whether the action ran
 * @param result the action's answer when it ran: whether the key was present (look-up), whether an entry was
 *        removed (invalidate one key), {@code true} for invalidate all; {@code false} when the action did not run
 * @param message a sentence for the user, saying what happened or what went wrong
 */
public record ActionReply(String cache, String key, boolean ok, boolean result, String message) {

    static ActionReply done(String cache, String key, boolean result, String message) {
        return new ActionReply(cache, key, true, result, message);
    }

    static ActionReply failed(String cache, String key, String message) {
        return new ActionReply(cache, key, false, false, message);
    }
}
