package org.vpspanel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registered in META-INF/spring.factories, so it applies to every Spring test context: each context gets an
 * empty data directory of its own under target/test-data, so the app starts its own embedded PostgreSQL
 * there and Flyway migrates it from empty, exactly as on a first start. The context also gets a
 * {@link StartupConsole} (what the first start printed) and a {@link TestDatabase} (reset between tests).
 */
public class FreshPanelContextCustomizerFactory implements ContextCustomizerFactory {

    private static final Path TEST_DATA = Path.of("target", "test-data");
    private static final Path RUN_DIRECTORY = TEST_DATA.resolve(
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid());
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    static {
        deleteEarlierRuns();
    }

    /** Earlier test runs' databases, unless their PostgreSQL still runs (a test JVM running beside this one). */
    private static void deleteEarlierRuns() {
        if (!Files.isDirectory(TEST_DATA)) {
            return;
        }
        try (Stream<Path> runs = Files.list(TEST_DATA)) {
            runs.filter(run -> !postgresRunsIn(run)).forEach(FileTrees::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean postgresRunsIn(Path run) {
        try (Stream<Path> files = Files.walk(run, 3)) {
            return files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).anyMatch(pidFile -> {
                try {
                    long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return true; // when in doubt, keep it
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new FreshPanelContext();
    }

    /** All instances are equal, so that the customizer never splits Spring's context cache. */
    private static final class FreshPanelContext implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Path dataDir = RUN_DIRECTORY.resolve("context-" + CONTEXTS.incrementAndGet()).toAbsolutePath();
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-panel-context",
                    Map.of("vpspanel.data-dir", dataDir.toString())));
            StartupConsole console = StartupConsole.startRecording();
            context.getBeanFactory().registerSingleton("startupConsole", console);
            context.addApplicationListener(console);
            ((BeanDefinitionRegistry) context).registerBeanDefinition("testDatabase",
                    new RootBeanDefinition(TestDatabase.class));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshPanelContext;
        }

        @Override
        public int hashCode() {
            return FreshPanelContext.class.hashCode();
        }
    }
}
