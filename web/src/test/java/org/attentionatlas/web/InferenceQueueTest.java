package org.attentionatlas.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceQueueTest {

    @Test
    void aFullQueueAnswers503WithTheReason() throws Exception {
        try (InferenceQueue queue = new InferenceQueue(1)) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> queue.run(() -> {
                running.countDown();
                release.await();
                return 1;
            }));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> queue.run(() -> 2));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (queue.waiting() < 1 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            ApiError e = assertThrows(ApiError.class, () -> queue.run(() -> 3));
            assertEquals(503, e.status());
            assertTrue(e.getMessage().contains("queue is full"), e.getMessage());
            release.countDown();
            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(2, second.get(10, TimeUnit.SECONDS));
        }
    }
}
