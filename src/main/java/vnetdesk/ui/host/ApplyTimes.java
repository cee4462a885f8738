package vnetdesk.ui.host;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import vnetdesk.model.vm.HostApplyOutcome;

/**
 * Writes the times of apply outcomes in the console's local time zone: a
 * short form for the hosts table (the time alone when it was today) and a
 * full one for the History tab. The clock is injected so tests fix "today".
 */
final class ApplyTimes {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    ApplyTimes(Clock clock) {
        this.clock = clock;
    }

    /**
     * "APPLIED 07:12", "FAILED_ROLLED_BACK at step 3 · 07:12" (the dot keeps
     * the step number and the time apart); empty when never applied.
     */
    String lastApply(Optional<HostApplyOutcome> outcome) {
        return outcome.map(o -> o.summary() + (o.failedStep().isPresent() ? " · " : " ") + shortTime(o.finished()))
                .orElse("");
    }

    /** "07:12" for a time of today, "2026-11-30 07:12" for an older one: a bare time must not pass for today's. */
    String shortTime(Instant at) {
        ZonedDateTime local = at.atZone(clock.getZone());
        return local.toLocalDate().equals(LocalDate.now(clock)) ? TIME.format(local) : DAY_TIME.format(local);
    }

    /** "2026-12-03 07:12:05", for the History tab. */
    String fullTime(Instant at) {
        return FULL.format(at.atZone(clock.getZone()));
    }
}
