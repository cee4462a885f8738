package vnetdesk.service.host;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import vnetdesk.model.vm.Host;

/**
 * One run at a time per host within an engine: a commit and an apply (or two
 * windows) on one host would each read, plan and load over the other's
 * changes, and a rollback could undo the other's work. A second run waits,
 * saying so, then reads the host as the first left it. Other processes (a
 * CLI beside the console) are not covered: each has its own engine.
 */
final class HostLocks {

    private final Map<Integer, ReentrantLock> busy = new ConcurrentHashMap<>();

    <R> R exclusively(Host host, HostRun.Listener listener, Supplier<R> work) {
        ReentrantLock lock = busy.computeIfAbsent(host.id(), id -> new ReentrantLock(true));
        if (!lock.tryLock()) {
            listener.progress(new HostProgress(host, HostProgress.Phase.WAITING, HostProgress.Phase.WAITING.words(),
                    0));
            lock.lock();
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
