package org.vpspanel;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.vpspanel.common.PanelCommand;

@SpringBootApplication
public class VpsPanelApplication {

    /** The bean of db-scheduler's Spring Boot starter that starts the scheduler. */
    private static final String SCHEDULER_STARTER = "dbSchedulerStarter";

    /** Starts the panel; or, when the first argument is a word rather than an option, runs that command and exits. */
    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args[0], Arrays.asList(args).subList(1, args.length)));
        }
        SpringApplication.run(VpsPanelApplication.class, args);
    }

    /**
     * Runs a {@link PanelCommand} without the web server. Standard output carries only the command's result
     * (scripts capture it), so everything else that would print there, logs included, goes to standard error.
     */
    static int runCommand(String command, List<String> arguments) {
        PrintStream output = System.out;
        System.setOut(System.err);
        SpringApplication application = new SpringApplication(VpsPanelApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAddCommandLineProperties(false);
        application.setDefaultProperties(Map.of("vpspanel.database.attach-to-running", "true",
                // Vaadin's auto-configuration requires a web application context.
                "spring.autoconfigure.exclude", "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"));
        // A command must not run the panel's background jobs: db-scheduler's client stays (services use it
        // to enqueue), the bean that starts its polling goes.
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(factory -> {
            if (factory instanceof BeanDefinitionRegistry registry && registry.containsBeanDefinition(SCHEDULER_STARTER)) {
                registry.removeBeanDefinition(SCHEDULER_STARTER);
            }
        }));
        try (ConfigurableApplicationContext context = application.run()) {
            return context.getBeansOfType(PanelCommand.class).values().stream()
                    .filter(candidate -> candidate.name().equals(command)).findFirst()
                    .map(found -> found.run(arguments, output))
                    .orElseGet(() -> {
                        System.err.println("vps-panel: unknown command '" + command + "'");
                        return 2;
                    });
        } finally {
            output.flush();
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
