package vnetdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs CLI command lines in-process against one inventory folder and captures the outcome. */
final class CliRunner {

    /** Exit code and the two output streams of one run. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path dataDir;

    CliRunner(Path dataDir) {
        this.dataDir = dataDir;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--data", dataDir.toString()));
        all.addAll(List.of(args));
        return runRaw(stdin, Map.of(), all.toArray(String[]::new));
    }

    /** Without the --data option: the caller gives every argument and the environment. */
    static Result runRaw(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(args, o, e, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
