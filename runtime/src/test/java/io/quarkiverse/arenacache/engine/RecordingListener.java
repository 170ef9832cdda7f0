package io.quarkiverse.arenacache.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkiverse.arenacache.EvictionListener;
import io.quarkiverse.arenacache.RemovalCause;

/** Remembers every eviction it is told about. */
final class RecordingListener<K, V> implements EvictionListener<K, V> {

    record Event<K, V>(K key, V value, RemovalCause cause) {
    }

    final List<Event<K, V>> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEviction(K key, V value, RemovalCause cause) {
        events.add(new Event<>(key, value, cause));
    }

    long count(RemovalCause cause) {
        return events.stream().filter(e -> e.cause() == cause).count();
    }
}
