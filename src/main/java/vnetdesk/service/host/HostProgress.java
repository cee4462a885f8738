package vnetdesk.service.host;

import vnetdesk.model.vm.Host;

/**
 * Where work on one host is, for a front end's per-host progress: the phase,
 * a line saying what runs ("step 3 of 12: iptables: create chain
 * one-5-0-i"), and how far, from 0 to 1, or negative while it cannot be told
 * (a rollback).
 */
public record HostProgress(Host host, Phase phase, String message, double fraction) {

    /** The phases of an apply (a plan stops after reading). */
    public enum Phase {
        /** Another run (a commit, another window's apply) is working on this host; this one waits its turn. */
        WAITING("waiting for another run on this host"),
        CONNECTING("connecting"),
        PROBING("probing"),
        READING("reading the host"),
        CHANGING("changing"),
        VERIFYING("reading back"),
        ROLLING_BACK("rolling back");

        private final String words;

        Phase(String words) {
            this.words = words;
        }

        /** The phase as the progress list says it. */
        public String words() {
            return words;
        }
    }

    /** "host 0:kvm0: step 2 of 3: …", as a progress line names the host it is about. */
    public String line() {
        return "host " + host.label() + ": " + message;
    }

    /** Progress unknown: a bar shows it as busy. */
    public static final double INDETERMINATE = -1;
}
