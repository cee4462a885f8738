package vnetdesk.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import vnetdesk.model.NotFoundException;
import vnetdesk.model.ValidationException;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.store.NetworkRepository;

/** Resolves a network given by id or by name, as the CLI and UI accept both. */
final class NetworkRefs {

    private NetworkRefs() {
    }

    static VirtualNetwork resolve(Connection c, NetworkRepository repo, String ref)
            throws SQLException {
        int id = idOf(c, repo, ref);
        Optional<VirtualNetwork> n = repo.find(c, id);
        return n.orElseThrow(() -> new NotFoundException("network " + ref + " does not exist"));
    }

    private static int idOf(Connection c, NetworkRepository repo, String ref) throws SQLException {
        if (ref == null || ref.isBlank()) {
            throw ValidationException.missing("NETWORK");
        }
        String r = ref.trim();
        if (r.matches("[0-9]{1,9}")) {
            return Integer.parseInt(r);
        }
        List<VirtualNetwork> byName = repo.findByName(c, r);
        if (byName.isEmpty()) {
            throw new NotFoundException("network " + ref + " does not exist");
        }
        if (byName.size() > 1) {
            throw new ValidationException("NETWORK", "NETWORK: the name \"" + r + "\" is used by several networks ("
                    + byName.stream().map(VirtualNetwork::label).collect(Collectors.joining(", ")) + "); use the id");
        }
        return byName.get(0).id();
    }
}
