package vnetdesk.host.actual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The outputs captured on the development machine, under {@code src/test/resources/vnetdesk/host/actual/}. */
final class Samples {

    private Samples() {
    }

    static String read(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/vnetdesk/host/actual/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text longer than every reader accepts. */
    static String overlong() {
        return "x".repeat(Limits.MAX_OUTPUT_CHARS + 1);
    }
}
