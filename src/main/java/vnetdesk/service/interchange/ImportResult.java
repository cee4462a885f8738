package vnetdesk.service.interchange;

import java.util.List;

/**
 * What {@code import FILE} made ({@link InterchangeService#importDocument}): the ids created per
 * kind, in the order made, and notes on what was left as it was (an object the inventory already
 * holds unchanged, a document element the inventory cannot keep).
 */
public record ImportResult(List<Integer> networks, List<Integer> securityGroups, List<Integer> networkTemplates,
                           List<String> notes) {

    public ImportResult {
        networks = List.copyOf(networks);
        securityGroups = List.copyOf(securityGroups);
        networkTemplates = List.copyOf(networkTemplates);
        notes = List.copyOf(notes);
    }

    /** An import of networks only, with nothing to note. */
    static ImportResult ofNetworks(List<Integer> ids) {
        return new ImportResult(ids, List.of(), List.of(), List.of());
    }
}
