package org.openpayloads.engine.job;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openpayloads.engine.model.AttemptEnd;
import org.openpayloads.engine.port.AttemptResult;
import org.openpayloads.engine.port.ClaimedJob;
import org.openpayloads.engine.port.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's workers. A dispatcher thread claims due jobs and hands each to a worker thread. While
 * claims come back full (a backlog), the dispatcher waits until a whole batch of slots is free, and keeps up
 * to one batch waiting for a thread, so that one scan of the queue serves many jobs and no thread waits for a
 * claim; otherwise it claims for every free thread at once, so that a lone job starts without delay.
 * A thread of its own renews the leases of the jobs this process holds; a maintenance thread
 * puts back the jobs of processes that died, queues held jobs of payloads activated since, and deletes
 * jobs past their retention.
 *
 * <p>Jobs queued by this process {@link #wake() wake} the dispatcher at once; jobs queued elsewhere, or due
 * after a backoff, are found within the poll interval.
 */
public final class JobWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    private static final long ERROR_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int FINISH_TRIES = 3;

    private final JobQueue queue;
    private final JobRunner runner;
    private final WorkerSettings settings;
    private final Clock clock;
    private final String workerId;
    /** The most jobs one claim takes: the claim batch, at most one per thread. */
    private final int batch;
    /** Jobs this process holds at once: one per thread, and one batch more waiting for a thread. */
    private final Semaphore freeSlots;
    private final ExecutorService executor;
    private final ScheduledExecutorService maintenance;
    /** Renews leases on a thread of its own, so that slow maintenance never delays a renewal. */
    private final ScheduledExecutorService renewals;
    private final Map<Long, CompletableFuture<AttemptEnd>> waiters = new ConcurrentHashMap<>();
    private final Thread dispatcher;
    private volatile boolean running;

    public JobWorkers(JobQueue queue, JobRunner runner, WorkerSettings settings, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workerId = processName();
        this.batch = Math.min(settings.claimBatch(), settings.threads());
        this.freeSlots = new Semaphore(settings.threads() + batch);
        this.executor = Executors.newFixedThreadPool(settings.threads(), threads("payloads-worker-"));
        this.maintenance = Executors.newSingleThreadScheduledExecutor(threads("payloads-maintenance-"));
        this.renewals = Executors.newSingleThreadScheduledExecutor(threads("payloads-lease-renewal-"));
        this.dispatcher = threads("payloads-dispatcher-").newThread(this::dispatch);
    }

    /** Starts claiming jobs. */
    public void start() {
        running = true;
        dispatcher.start();
        long renewMillis = settings.lease().toMillis() / 3;
        renewals.scheduleWithFixedDelay(this::renewLeases, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        long maintenanceMillis = settings.maintenanceInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::recover, 0, maintenanceMillis, TimeUnit.MILLISECONDS);
        long retentionMillis = settings.retentionInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::deleteExpired, retentionMillis, retentionMillis,
                TimeUnit.MILLISECONDS);
        LOG.info("Workers started: {} threads, lease {} s, as {}", settings.threads(), settings.lease().toSeconds(),
                workerId);
    }

    /** Has the dispatcher look for due jobs now, as after this process queued one. */
    public void wake() {
        LockSupport.unpark(dispatcher);
    }

    /**
     * Completes when an attempt at the job ends in this process. An attempt made by another process does not
     * complete it; callers also look at the job's status.
     */
    public CompletableFuture<AttemptEnd> nextAttempt(long jobId) {
        return waiters.computeIfAbsent(jobId, id -> new CompletableFuture<>());
    }

    /** Stops waiting for a job's attempt. */
    public void forget(long jobId) {
        waiters.remove(jobId);
    }

    /** The name this process's leases carry: host, process id and a random part, unique per start. */
    public String workerId() {
        return workerId;
    }

    private void dispatch() {
        boolean backlog = false;
        while (running) {
            int free = freeSlots.availablePermits();
            if (free < (backlog ? batch : 1)) {
                // A finishing job unparks the dispatcher; the timeout is a safety net.
                LockSupport.parkNanos(this, settings.pollInterval().toNanos());
                continue;
            }
            int wanted = Math.min(free, batch);
            List<ClaimedJob> jobs;
            try {
                jobs = queue.claim(workerId, wanted, settings.lease());
            } catch (RuntimeException e) {
                LOG.warn("Cannot claim jobs; trying again in a second: {}", e.getMessage());
                LockSupport.parkNanos(this, ERROR_PAUSE_NANOS);
                continue;
            }
            for (ClaimedJob job : jobs) {
                freeSlots.acquireUninterruptibly();
                executor.execute(() -> runClaimed(job));
            }
            backlog = jobs.size() == wanted;
            if (!backlog && running) {
                LockSupport.parkNanos(this, settings.pollInterval().toNanos());
            }
        }
    }

    private void runClaimed(ClaimedJob job) {
        try {
            AttemptResult result = runner.run(job);
            boolean recorded = finish(job, result);
            CompletableFuture<AttemptEnd> waiter = waiters.remove(job.id());
            if (waiter != null) {
                waiter.complete(recorded ? result.end() : AttemptEnd.LEASE_EXPIRED);
            }
        } finally {
            freeSlots.release();
            LockSupport.unpark(dispatcher);
        }
    }

    /** Records the attempt; a database that fails briefly is tried again, and then the lease's expiry recovers it. */
    private boolean finish(ClaimedJob job, AttemptResult result) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean recorded = queue.finish(workerId, job, result);
                if (!recorded) {
                    LOG.warn("Job {} lost its lease before it finished; its result ({}) was not recorded and "
                            + "another attempt will run it", job.jobNumber(), result.end());
                }
                return recorded;
            } catch (RuntimeException e) {
                if (attempt == FINISH_TRIES) {
                    LOG.error("Cannot record job {}'s result ({}); it will run again when its lease expires",
                            job.jobNumber(), result.end(), e);
                    return false;
                }
                LockSupport.parkNanos(ERROR_PAUSE_NANOS * attempt);
            }
        }
    }

    private void renewLeases() {
        try {
            queue.renew(workerId, settings.lease());
        } catch (RuntimeException e) {
            LOG.warn("Cannot renew this process's job leases: {}", e.getMessage());
        }
    }

    private void recover() {
        try {
            int requeued = queue.requeueExpired(settings.retry().maxAttempts());
            if (requeued > 0) {
                LOG.warn("Put {} jobs whose worker's lease expired back in the queue (or made them DEAD after "
                        + "their last attempt)", requeued);
            }
            int released = queue.releaseHeld();
            if (released > 0) {
                LOG.info("Queued {} held jobs of payloads that are active again", released);
            }
            if (requeued + released > 0) {
                wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("Job maintenance failed; trying again later: {}", e.getMessage());
        }
    }

    private void deleteExpired() {
        try {
            queue.deleteExpired(clock.instant(), settings.retentionDays()).forEach((integration, count) ->
                    LOG.info("Retention: deleted {} finished jobs of integration {}", count, integration));
        } catch (RuntimeException e) {
            LOG.warn("Retention cleanup failed; trying again later: {}", e.getMessage());
        }
    }

    /** Stops claiming, and waits for running jobs up to {@code graceMillis}; the rest go back by lease expiry. */
    public void close(long graceMillis) {
        running = false;
        LockSupport.unpark(dispatcher);
        maintenance.shutdownNow();
        executor.shutdown();
        try {
            dispatcher.join(graceMillis);
            if (!executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("Jobs still running after {} ms were cut off; they run again when their leases expire",
                        graceMillis);
                executor.shutdownNow();
            }
            renewals.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
            renewals.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(TimeUnit.SECONDS.toMillis(10));
    }

    private static String processName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
