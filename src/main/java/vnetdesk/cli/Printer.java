package vnetdesk.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON output of the read commands: plain maps, lists, strings and numbers,
 * indented, one document per command; and a streaming array writer for output
 * that is produced page by page.
 */
final class Printer {

    /** Never closes the target: it is the command's standard output. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private Printer() {
    }

    static void json(PrintStream out, Object value) {
        try {
            MAPPER.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
        out.flush();
    }

    /** Writes a JSON array element by element, so a long list never sits in memory whole. */
    static final class JsonArray implements AutoCloseable {
        private final PrintStream out;
        private final JsonGenerator gen;

        JsonArray(PrintStream out) {
            this.out = out;
            try {
                gen = MAPPER.getFactory().createGenerator(out);
                gen.useDefaultPrettyPrinter();
                gen.setCodec(MAPPER);
                gen.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(Object element) {
            try {
                gen.writeObject(element);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                gen.writeEndArray();
                gen.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
            out.flush();
        }
    }
}
