package vnetdesk.host.desired;

import java.util.Optional;

import vnetdesk.host.state.TapQos;
import vnetdesk.model.Qos;

/**
 * Turns a NIC's QoS (kilobytes/s and kilobytes, as OpenNebula's attributes)
 * into the tc values of its tap in bytes: tc reads {@code kbps} as 1000
 * bytes/s and {@code kb} as 1024 bytes, so the engine writes
 * {@code rate <AVG>kbps} and {@code burst <KB>kb} and these are the bytes
 * those mean.
 */
public final class QosCompiler {

    /** Bytes per second in one {@code kbps} of tc. */
    static final long KBPS = 1000;
    /** Bytes in one {@code kb} of tc. */
    static final long KB = 1024;
    /**
     * Without INBOUND_PEAK_KB the htb burst is a tenth of a second at the
     * ceiling, in whole kilobytes and never below 2 kb (one full-size frame
     * must fit), so it is also a whole number of {@code kb} on the command line.
     */
    static final long MIN_DEFAULT_BURST_KB = 2;

    private QosCompiler() {
    }

    /** The tap's tc state, or empty when neither direction is limited (an average is required to limit). */
    public static Optional<TapQos> compile(String tap, Qos qos) {
        Optional<TapQos.Shaping> inbound = Optional.empty();
        if (qos.inboundAvg().isPresent()) {
            long avg = qos.inboundAvg().getAsLong();
            long peak = qos.inboundPeak().orElse(avg);
            long burstKb = qos.inboundPeakKb().orElse(Math.max(MIN_DEFAULT_BURST_KB, (peak + 9) / 10));
            inbound = Optional.of(new TapQos.Shaping(avg * KBPS, peak * KBPS, burstKb * KB));
        }
        Optional<TapQos.Policing> outbound = Optional.empty();
        if (qos.outboundAvg().isPresent()) {
            long avg = qos.outboundAvg().getAsLong();
            outbound = Optional.of(new TapQos.Policing(avg * KBPS, qos.outboundPeakKb().orElse(avg) * KB));
        }
        TapQos tapQos = new TapQos(tap, inbound, outbound);
        return tapQos.isEmpty() ? Optional.empty() : Optional.of(tapQos);
    }
}
