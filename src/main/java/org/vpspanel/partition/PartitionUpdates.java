package org.vpspanel.partition;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells open views that a partition changed (a job moved on, the host reported another state), so that they
 * refresh at once instead of polling. Only this panel instance's changes arrive here; views also refresh
 * every few seconds for the others'.
 */
@Component
public class PartitionUpdates {

    private final Set<LongConsumer> listeners = new CopyOnWriteArraySet<>();

    /** Calls {@code listener} with the id of every partition that changes, until the returned handle is run. */
    public Runnable subscribe(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @EventListener
    void on(PartitionChanged change) {
        listeners.forEach(listener -> listener.accept(change.partitionId()));
    }
}
