package org.vpspanel.agent.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs independent steps at the same time (most of a step's time is an external program's), waits for all
 * of them, and fails with the first failure, the others added to it as suppressed. Every step has run to its
 * end when this returns or throws, so the caller's undo never races a step still under way.
 */
public final class Parallel {

    private Parallel() {
    }

    public static void run(List<Runnable> steps) {
        if (steps.size() == 1) {
            steps.getFirst().run();
            return;
        }
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failures = new RuntimeException[steps.size()];
        for (int i = 1; i < steps.size(); i++) {
            int index = i;
            Runnable step = StepClock.bind(steps.get(i));
            threads.add(Thread.ofPlatform().name("vps-agent-step").start(() -> failures[index] = attempt(step)));
        }
        failures[0] = attempt(steps.getFirst());
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the steps are short and bounded by their commands' time limits
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException first = null;
        for (RuntimeException failure : failures) {
            if (failure != null && first == null) {
                first = failure;
            } else if (failure != null) {
                first.addSuppressed(failure);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static RuntimeException attempt(Runnable step) {
        try {
            step.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        } catch (Error e) {
            return new IllegalStateException(e.toString(), e);
        }
    }
}
