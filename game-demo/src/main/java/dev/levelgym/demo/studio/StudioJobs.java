package dev.levelgym.demo.studio;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the studio's slow work runs (repair, variations, play-tests, the platformer's enemy-aware check): on one
 * background thread while a person edits, so the window keeps drawing; inline in scripted runs, so a script replays
 * the same session on any machine (the result is then applied at once). Either way results are applied on the
 * render thread: in the background case at the next {@link #poll()}.
 * One thread, because the GANs and agents it calls are not thread-safe.
 */
public final class StudioJobs implements AutoCloseable {

    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    private StudioJobs(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs each job as it is submitted, on the caller's thread. */
    public static StudioJobs inline() {
        return new StudioJobs(null);
    }

    /** Runs jobs one after another on a daemon thread. */
    public static StudioJobs background() {
        return new StudioJobs(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "levelgym-studio");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Runs {@code work}; then, at the next {@link #poll()}, {@code done} with its result or {@code failed} with what
     * it threw.
     */
    public <T> void submit(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        pending.incrementAndGet();
        Runnable job = () -> {
            try {
                T result = work.call();
                finished.add(() -> done.accept(result));
            } catch (Exception e) {
                finished.add(() -> failed.accept(e));
            } finally {
                pending.decrementAndGet();
            }
        };
        if (executor == null) {
            job.run();
            poll();
        } else {
            executor.execute(job);
        }
    }

    /** Applies the results of the jobs finished since the last call, in the order they finished. */
    public void poll() {
        for (Runnable r = finished.poll(); r != null; r = finished.poll()) {
            r.run();
        }
    }

    /** Jobs submitted and not yet finished. */
    public int pending() {
        return pending.get();
    }

    /** Stops the thread, waiting for a running job (a GAN search takes about a second) before its models close. */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
