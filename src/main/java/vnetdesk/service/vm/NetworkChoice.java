package vnetdesk.service.vm;

import java.util.List;
import java.util.Optional;

/**
 * What automatic network selection chose (or would choose) for a NIC: the
 * network, if one qualifies, the reason in a sentence, and every network
 * turned down with its own reason (e.g. {@code network 2:lab: no USE right}).
 */
public record NetworkChoice(Optional<Integer> networkId, Optional<String> networkLabel, String reason,
                            List<String> rejections) {

    public NetworkChoice {
        rejections = List.copyOf(rejections);
    }
}
