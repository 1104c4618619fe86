package io.camelftplib.camel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An in-memory repository that several consumers share as if they were nodes, recording each call in order
 * ({@code add a=true}, {@code remove a}, {@code confirm a}) and able to act just before an add answers, as another
 * node would between this node's listing and its claim.
 */
final class RecordingClaimRepository extends ServiceSupport implements IdempotentRepository {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> beforeAdd = key -> { };

    void beforeAdd(Consumer<String> action) {
        beforeAdd = action;
    }

    List<String> callsFor(String key) {
        return calls.stream().filter(call -> call.endsWith(" " + key) || call.contains(" " + key + "=")).toList();
    }

    @Override
    public boolean add(String key) {
        beforeAdd.accept(key);
        boolean added = keys.add(key);
        calls.add("add " + key + "=" + added);
        return added;
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public boolean remove(String key) {
        calls.add("remove " + key);
        return keys.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        calls.add("confirm " + key);
        return keys.contains(key);
    }

    @Override
    public void clear() {
        keys.clear();
    }
}
