package vnetdesk.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import vnetdesk.sched.Selection.Check;
import vnetdesk.sched.Selection.Rejection;

/**
 * Chooses the network for a NIC declared with {@code NETWORK_MODE=auto} when its
 * VM is placed on a host, and says why.
 *
 * <p>Each candidate goes through the checks of {@link Check} in order — the
 * host's cluster, the USE right, a free address, {@code SCHED_REQUIREMENTS} —
 * and the first it fails is its reason for rejection. Cluster first because a
 * network outside the host's cluster cannot reach the VM at all; the USE right
 * before anything about the network's contents so that the reason given for a
 * network the owner may not use never shows its attributes; a free address
 * before the requirements as the cheaper and plainer fact. Among the networks
 * that pass, the highest {@code SCHED_RANK} wins and a tie goes to the lowest id
 * (the first given, should ids repeat).
 */
public final class NetworkSelection {

    private NetworkSelection() {
    }

    /**
     * Chooses among {@code candidates} for a VM placed on a host of cluster {@code hostClusterId}.
     *
     * @return the chosen network with its reason and the others' rejections, or,
     *         when none qualifies, every candidate's rejection
     */
    public static Selection choose(List<Candidate> candidates, int hostClusterId, Requirements requirements,
                                   Rank rank) {
        List<Rejection> rejections = new ArrayList<>();
        List<Candidate> qualifying = new ArrayList<>();
        for (Candidate candidate : candidates) {
            rejection(candidate, hostClusterId, requirements).ifPresentOrElse(rejections::add,
                    () -> qualifying.add(candidate));
        }
        if (qualifying.isEmpty()) {
            return new Selection.NoneQualifies("no network qualifies: " + (candidates.isEmpty()
                    ? "there is no network to choose from"
                    : rejections.stream().map(Rejection::describe).collect(Collectors.joining("; "))), rejections);
        }
        Candidate best = qualifying.get(0);
        double bestRank = rank.value(best.attributes());
        for (Candidate candidate : qualifying.subList(1, qualifying.size())) {
            double value = rank.value(candidate.attributes());
            if (value > bestRank || (value == bestRank && candidate.id() < best.id())) {
                best = candidate;
                bestRank = value;
            }
        }
        return new Selection.Chosen(best, bestRank,
                chosenReason(best, bestRank, qualifying, candidates.size(), rank), rejections);
    }

    private static Optional<Rejection> rejection(Candidate c, int hostClusterId, Requirements requirements) {
        if (!c.clusterIds().contains(hostClusterId)) {
            return Optional.of(new Rejection(c, Check.CLUSTER, "not in the host's cluster (host cluster "
                    + hostClusterId + ", " + (c.clusterIds().isEmpty() ? "network in no cluster"
                    : "network clusters " + c.clusterIds().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))) + ")"));
        }
        if (!c.mayUse()) {
            return Optional.of(new Rejection(c, Check.USE, "no USE right"));
        }
        if (!c.hasFreeLease()) {
            return Optional.of(new Rejection(c, Check.FREE_LEASE, "no free address"));
        }
        List<String> whyFalse = requirements.whyFalse(c.attributes());
        if (!whyFalse.isEmpty()) {
            return Optional.of(new Rejection(c, Check.REQUIREMENTS, "requirements false: "
                    + String.join("; ", whyFalse)));
        }
        return Optional.empty();
    }

    private static String chosenReason(Candidate best, double bestRank, List<Candidate> qualifying,
                                       int candidateCount, Rank rank) {
        boolean ranked = !(rank instanceof Rank.None);
        String why;
        if (qualifying.size() == 1) {
            why = candidateCount == 1 ? "the only candidate"
                    : "the only one of " + candidateCount + " candidates that qualifies";
        } else if (!ranked) {
            why = "no rank given, the lowest id of " + qualifying.size() + " qualifying";
        } else {
            Candidate chosen = best;
            String tied = qualifying.stream()
                    .filter(c -> c != chosen && rank.value(c.attributes()) == bestRank)
                    .sorted(Comparator.comparingInt(Candidate::id))
                    .map(Candidate::label)
                    .collect(Collectors.joining(", "));
            why = "the highest of " + qualifying.size() + " qualifying"
                    + (tied.isEmpty() ? "" : ", tied with " + tied + "; the lowest id wins");
        }
        return "network " + best.label() + " chosen: "
                + (ranked ? "rank " + Decimal.of(bestRank) + " (" + rank.text() + "), " : "") + why;
    }
}
