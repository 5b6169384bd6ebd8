package org.attentionatlas.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One thread runs model work (inference, flow) one job at a time; a bounded queue waits, beyond it 503. */
public final class InferenceQueue implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    private final int capacity;

    public InferenceQueue(int capacity) {
        this.capacity = capacity;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "atlas-inference");
                    t.setDaemon(true);
                    return t;
                });
    }

    public <T> T run(Callable<T> job) {
        Future<T> f;
        try {
            f = executor.submit(job);
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "the inference queue is full (" + capacity + " requests waiting); try again shortly");
        }
        try {
            return f.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiError(503, "the model did not answer within 10 minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while waiting for the model");
        }
    }

    public int waiting() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
