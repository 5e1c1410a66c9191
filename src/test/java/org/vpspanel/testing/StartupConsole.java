package org.vpspanel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * What the panel printed to standard output while its context started, as an operator sees it on the
 * console: among it the admin login of the first start. Recording stops when the app is ready.
 */
public final class StartupConsole implements ApplicationListener<ApplicationEvent> {

    private static final Pattern ADMIN_LOGIN =
            Pattern.compile("VPS Panel admin login: admin / (\\S+) {3}\\(shown once: keep it\\)");

    private final PrintStream original;
    private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
    private volatile boolean recording = true;

    private StartupConsole(PrintStream original) {
        this.original = original;
    }

    static StartupConsole startRecording() {
        StartupConsole console = new StartupConsole(System.out);
        System.setOut(new PrintStream(console.tee(), true, Charset.defaultCharset()));
        return console;
    }

    /** Everything printed to standard output during the start. */
    public synchronized String output() {
        return recorded.toString(Charset.defaultCharset());
    }

    /** The generated admin password the first start printed. */
    public String printedAdminPassword() {
        Matcher matcher = ADMIN_LOGIN.matcher(output());
        return Optional.of(matcher).filter(Matcher::find).map(m -> m.group(1))
                .orElseThrow(() -> new AssertionError("the start printed no admin login; it printed:\n" + output()));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent || event instanceof ContextClosedEvent) {
            recording = false;
        }
    }

    private OutputStream tee() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                if (recording) {
                    synchronized (StartupConsole.this) {
                        recorded.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                if (recording) {
                    synchronized (StartupConsole.this) {
                        recorded.write(bytes, offset, length);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }
        };
    }
}
