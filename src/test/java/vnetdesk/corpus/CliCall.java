package vnetdesk.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vnetdesk.cli.Cli;

/** One in-process run of {@link Cli#run}: its exit code and what it printed. */
record CliCall(int code, String out, String err) {

    /** Runs {@code args} as given, with an empty environment so no VNETDESK_* variable leaks in. */
    static CliCall run(List<String> args, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args.toArray(String[]::new), o, e, Map.of(), new ByteArrayInputStream(stdin));
        }
        return new CliCall(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} against the inventory folder {@code data}, with empty standard input. */
    static CliCall on(Path data, String... args) {
        return run(withData(data, args), new byte[0]);
    }

    /** {@code --data DIR} followed by {@code args}. */
    static List<String> withData(Path data, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        return all;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err + "---";
    }
}
