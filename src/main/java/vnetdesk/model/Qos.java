package vnetdesk.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Per-NIC bandwidth limits (not per network). Bandwidths in kilobytes/s, bursts
 * in kilobytes. Inbound is towards the VM.
 */
public record Qos(OptionalLong inboundAvg, OptionalLong inboundPeak, OptionalLong inboundPeakKb,
                  OptionalLong outboundAvg, OptionalLong outboundPeak, OptionalLong outboundPeakKb) {

    public static final Qos NONE = new Qos(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public static final String[] ATTRIBUTES = {"INBOUND_AVG_BW", "INBOUND_PEAK_BW", "INBOUND_PEAK_KB",
            "OUTBOUND_AVG_BW", "OUTBOUND_PEAK_BW", "OUTBOUND_PEAK_KB"};

    /** Highest accepted value: 10 TB/s, far above any link, small enough to never overflow. */
    public static final long MAX = 10_000_000_000L;

    public Qos {
        check("INBOUND_PEAK_BW", inboundAvg, inboundPeak);
        check("OUTBOUND_PEAK_BW", outboundAvg, outboundPeak);
    }

    private static void check(String field, OptionalLong avg, OptionalLong peak) {
        if (avg.isPresent() && peak.isPresent() && peak.getAsLong() < avg.getAsLong()) {
            throw ValidationException.invalid(field, peak.getAsLong(),
                    "peak bandwidth must be at least the average (" + avg.getAsLong() + ")");
        }
    }

    /**
     * Builds QoS from attribute values (names of {@link #ATTRIBUTES}; absent or
     * empty = no limit), recording every problem; absent when there is one.
     */
    public static Optional<Qos> fromAttributes(Map<String, String> attributes, Problems problems) {
        OptionalLong[] v = new OptionalLong[6];
        boolean parsed = true;
        for (int i = 0; i < 6; i++) {
            String field = ATTRIBUTES[i];
            String raw = attributes.get(field);
            Optional<OptionalLong> value = problems.value(() -> raw == null || raw.isBlank() ? OptionalLong.empty()
                    : OptionalLong.of(Numbers.parseLong(field, raw, 1, MAX)));
            v[i] = value.orElse(OptionalLong.empty());
            parsed &= value.isPresent();
        }
        return parsed ? problems.value(() -> new Qos(v[0], v[1], v[2], v[3], v[4], v[5])) : Optional.empty();
    }

    public Map<String, String> toAttributes() {
        OptionalLong[] v = {inboundAvg, inboundPeak, inboundPeakKb, outboundAvg, outboundPeak, outboundPeakKb};
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            if (v[i].isPresent()) {
                out.put(ATTRIBUTES[i], Long.toString(v[i].getAsLong()));
            }
        }
        return out;
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
