package vnetdesk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects every problem of one validation instead of stopping at the first:
 * each check runs, a refusal is recorded with its field, and checks that
 * depend on a refused value are skipped (the value is absent). Forms show
 * all problems at once; the throwing parsers (CLI, service) report the first,
 * which is the one a check-by-check validation would have stopped at.
 */
public final class Problems {

    private final List<Problem> found = new ArrayList<>();
    private ValidationException first;

    /** Runs a check that yields a value; a refusal is recorded and the value is absent. */
    public <T> Optional<T> value(Supplier<T> check) {
        try {
            return Optional.ofNullable(check.get());
        } catch (ValidationException e) {
            add(e);
            return Optional.empty();
        }
    }

    /** Runs a check; returns whether it passed (a refusal is recorded). */
    public boolean check(Runnable check) {
        try {
            check.run();
            return true;
        } catch (ValidationException e) {
            add(e);
            return false;
        }
    }

    public void add(ValidationException e) {
        if (first == null) {
            first = e;
        }
        found.add(Problem.of(e));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Every problem, in the order the checks ran. */
    public List<Problem> list() {
        return Collections.unmodifiableList(found);
    }

    /** The first problem of each field, by field, in the order the checks ran. */
    public Map<String, String> byField() {
        return byField(found);
    }

    /** The first problem of each field of {@code problems}, by field. */
    public static Map<String, String> byField(List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach(p -> out.putIfAbsent(p.field(), p.message()));
        return out;
    }

    /** Throws the first refusal recorded (for callers that stop at the first problem); returns if none. */
    public void throwFirst() {
        if (first != null) {
            throw first;
        }
    }
}
