package vnetdesk.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One malformed input of the bad-input corpus and what the CLI must answer:
 * the exit code (1, or 2 for a usage error) and a substring of the first
 * {@code error: } line that names the field, value or position.
 *
 * @param name            family and what is wrong, e.g. {@code template/size-huge.tmpl}
 * @param family          {@code template}, {@code xml}, {@code json} or {@code cli}
 * @param expectedExit    1 for a refused value, 2 for a usage error
 * @param expectedMessage literal substring of the first stderr line
 * @param setup           writes the input files into the case folder and returns the command line
 */
record CorpusCase(String name, String family, int expectedExit, String expectedMessage, Setup setup) {

    /** What {@link Setup#prepare} returns: the full argument list, standard input, and an optional extra check. */
    record Invocation(List<String> args, byte[] stdin, Optional<SideEffectCheck> check) {

        static Invocation of(List<String> args) {
            return new Invocation(args, new byte[0], Optional.empty());
        }
    }

    /** Prepares one run; {@code work} is an empty folder of the case, {@code data} a copy of the baseline inventory. */
    @FunctionalInterface
    interface Setup {
        Invocation prepare(Path work, Path data) throws IOException;
    }

    /** Looks after the run for a change outside the inventory; returns a description of what changed, if anything. */
    @FunctionalInterface
    interface SideEffectCheck {
        Optional<String> changed() throws IOException;
    }

    @Override
    public String toString() {
        // the parameterized test shows this as the case's display name
        return name;
    }
}
