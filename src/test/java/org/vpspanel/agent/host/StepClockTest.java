package org.vpspanel.agent.host;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StepClockTest {

    @Test
    void namesNestedStepsAndCountsEachOnesCommands() {
        String line;
        try (StepClock clock = StepClock.begin("create x")) {
            StepClock.step("disk", () -> {
                StepClock.step("mkfs", () -> {
                    Commands.attempt("true");
                });
                Commands.attempt("true");
            });
            StepClock.step("config", () -> { });
            line = clock.summary();
        }
        assertThat(line).startsWith("timing create x: total=").contains(" commands=2/")
                .contains(" disk/mkfs=").contains("ms/1 disk=").contains("ms/2 config=").endsWith("ms/0");
    }

    @Test
    void withoutAClockStepsJustRun() {
        assertThat(StepClock.step("alone", () -> 42)).isEqualTo(42);
    }

    @Test
    void stepsSideBySideCountTheirOwnCommands() {
        String line;
        try (StepClock clock = StepClock.begin("start y")) {
            Parallel.run(List.of(
                    () -> StepClock.step("a", () -> {
                        Commands.attempt("true");
                    }),
                    () -> StepClock.step("b", () -> {
                        Commands.attempt("true");
                        Commands.attempt("true");
                    })));
            line = clock.summary();
        }
        assertThat(line).contains(" commands=3/").containsPattern(" a=[0-9.]+ms/1").containsPattern(" b=[0-9.]+ms/2");
    }

    @Test
    void aBatchTakesPlainWordsOnly() {
        assertThatThrownBy(() -> Commands.runBatch(List.of("ip"), List.of(List.of("link", "set", "x y", "up"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x y'");
        assertThatThrownBy(() -> Commands.runBatch(List.of("ip"), List.of(List.of("link", "set", "x\nlink", "up"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parallelRunsEveryStepAndReportsTheFirstFailureWithTheOthersSuppressed() {
        AtomicInteger ran = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.run(List.of(
                () -> {
                    ran.incrementAndGet();
                    throw new IllegalStateException("first");
                },
                ran::incrementAndGet,
                () -> {
                    ran.incrementAndGet();
                    throw new IllegalArgumentException("third");
                })))
                .isInstanceOf(IllegalStateException.class).hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().hasFieldOrPropertyWithValue("message", "third"));
        assertThat(ran).hasValue(3);
    }
}
