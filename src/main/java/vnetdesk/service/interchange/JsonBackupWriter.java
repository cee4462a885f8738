package vnetdesk.service.interchange;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import vnetdesk.model.AttributeVector;
import vnetdesk.model.AddressRange;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.service.Progress;
import vnetdesk.store.LeaseRepository.LeaseRow;
import vnetdesk.store.LeaseRepository;

/**
 * Writes networks with their address ranges and leases in the JSON backup
 * format ({@link JsonBackup}), pretty printed, between the other sections of
 * a whole-inventory backup. Leases are streamed from the
 * store AR by AR, so a network with many leases is never held twice in memory.
 */
final class JsonBackupWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Connection c;
    private final LeaseRepository leases;
    private final JsonGenerator out;

    private JsonBackupWriter(Connection c, LeaseRepository leases, JsonGenerator out) {
        this.c = c;
        this.leases = leases;
        this.out = out;
    }

    /** Writes one more field of the document (the access section, clusters and hosts, VMs). */
    @FunctionalInterface
    interface Section {
        void write(JsonGenerator out) throws IOException, SQLException;
    }

    /**
     * The backup of {@code networks} (in the given order), read through {@code c}, with the
     * sections of a whole-inventory backup written before and after the networks (none for a
     * backup of named networks).
     */
    static String write(Connection c, LeaseRepository leases, List<VirtualNetwork> networks,
                        List<Section> beforeNetworks, List<Section> afterNetworks, Progress progress)
            throws SQLException {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(buffer)) {
            g.useDefaultPrettyPrinter();
            new JsonBackupWriter(c, leases, g).document(networks, beforeNetworks, afterNetworks, progress);
        } catch (IOException e) {
            // a StringWriter does no I/O; this would be a defect of the generator
            throw new UncheckedIOException("cannot write the JSON backup", e);
        }
        return buffer.append('\n').toString();
    }

    private void document(List<VirtualNetwork> networks, List<Section> before, List<Section> after,
                          Progress progress) throws IOException, SQLException {
        out.writeStartObject();
        out.writeStringField("format", JsonBackup.FORMAT);
        out.writeNumberField("version", JsonBackup.VERSION);
        for (Section section : before) {
            section.write(out);
        }
        out.writeArrayFieldStart("networks");
        progress.phase("exporting networks");
        progress.step(0, networks.size());
        for (int i = 0; i < networks.size(); i++) {
            network(networks.get(i));
            progress.step(i + 1, networks.size());
        }
        out.writeEndArray();
        for (Section section : after) {
            section.write(out);
        }
        out.writeEndObject();
    }

    private void network(VirtualNetwork n) throws IOException, SQLException {
        out.writeStartObject();
        out.writeNumberField("id", n.id());
        out.writeNumberField("uid", n.ownership().uid());
        out.writeNumberField("gid", n.ownership().gid());
        out.writeStringField("permissions", n.ownership().permissions().octal());
        out.writeFieldName("lock");
        if (n.lock().isPresent()) {
            out.writeString(n.lock().get().name());
        } else {
            out.writeNull();
        }
        out.writeNumberField("nextArId", n.nextArId());
        out.writeBooleanField("bridgeGenerated", n.conf().bridgeGenerated());
        out.writeFieldName("pickedVlanId");
        if (n.conf().automaticVlanId() && n.conf().vlanId().isPresent()) {
            out.writeNumber(n.conf().vlanId().get());
        } else {
            out.writeNull();
        }
        out.writeFieldName("parentNetworkId");
        if (n.parentNetworkId().isPresent()) {
            out.writeNumber(n.parentNetworkId().get());
        } else {
            out.writeNull();
        }
        attributes(withBridge(n));
        if (!n.vectors().isEmpty()) {
            // only when there are some, so backups of networks without vectors read as before
            out.writeArrayFieldStart("vectors");
            for (AttributeVector v : n.vectors()) {
                out.writeStartObject();
                out.writeStringField("name", v.name());
                out.writeFieldName("entries");
                out.writeStartObject();
                for (Map.Entry<String, String> e : v.entries().entrySet()) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeArrayFieldStart("addressRanges");
        for (AddressRange ar : n.addressRanges()) {
            out.writeStartObject();
            out.writeNumberField("arId", ar.id());
            attributes(ar.toAttributes());
            OptionalLong rr = leases.readAr(c, n.id(), ar.id()).map(LeaseRepository.ArState::roundRobinCursor)
                    .orElse(OptionalLong.empty());
            out.writeFieldName("roundRobinCursor");
            if (rr.isPresent()) {
                out.writeString(Long.toUnsignedString(rr.getAsLong()));
            } else {
                out.writeNull();
            }
            out.writeArrayFieldStart("leases");
            try {
                leases.forEachLease(c, n.id(), ar.id(), this::lease);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void lease(LeaseRow row) {
        try {
            out.writeStartObject();
            out.writeStringField("index", Long.toUnsignedString(row.index()));
            out.writeStringField("owner", JsonBackup.ownerText(row.owner()));
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network's attributes with BRIDGE always present (after VN_MAD), so a restore keeps the bridge. */
    private static Map<String, String> withBridge(VirtualNetwork n) {
        Map<String, String> a = NetworkAttributes.toAttributes(n);
        if (a.containsKey("BRIDGE")) {
            return a;
        }
        Map<String, String> out = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            out.put(k, v);
            if (k.equals("VN_MAD")) {
                out.put("BRIDGE", n.conf().bridge());
            }
        });
        out.putIfAbsent("BRIDGE", n.conf().bridge());
        return out;
    }

    private void attributes(Map<String, String> attributes) throws IOException {
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            out.writeStringField(e.getKey(), e.getValue());
        }
        out.writeEndObject();
    }
}
