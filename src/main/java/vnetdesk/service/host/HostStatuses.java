package vnetdesk.service.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.VnetException;
import vnetdesk.model.vm.Host;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.service.host.HostReports.PlanStatus;
import vnetdesk.service.host.HostReports.ProbeReport;
import vnetdesk.store.HostRepository;
import vnetdesk.store.HostStatusRepository;
import vnetdesk.store.HostStatusRepository.Stored;

/**
 * Reads and records what the console knows about hosts between connections
 * ({@link HostStatus}), kept in HOST_STATUS with the probe, the differences
 * and the device names as JSON. Anyone may read it, as anyone may read
 * hosts; recording takes the right to manage the host, as recording an apply does.
 */
public final class HostStatuses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Tx tx;
    private final Access access;
    private final HostRepository hosts;
    private final HostStatusRepository statuses = new HostStatusRepository();

    public HostStatuses(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.hosts = ctx.hosts();
    }

    /** The host's status; {@link HostStatus#NONE} when the engine never tried it. */
    public HostStatus status(Actor actor, ObjectRef ref) {
        return tx.read(c -> decode(statuses.find(c, HostService.resolve(c, hosts, ref).id())));
    }

    /** Every host's status by host id; a host the engine never tried is absent. */
    public Map<Integer, HostStatus> all(Actor actor) {
        return tx.read(c -> {
            Map<Integer, HostStatus> out = new LinkedHashMap<>();
            for (Map.Entry<Integer, Stored> e : statuses.all(c).entrySet()) {
                out.put(e.getKey(), decode(e.getValue()));
            }
            return out;
        });
    }

    /** Records the parts of {@code changes} that are present; the others stay as they were. */
    public void record(Actor actor, ObjectRef ref, HostStatus changes) {
        Stored encoded = encode(changes);
        tx.write((c, hooks) -> {
            Host h = HostService.resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "record the status of");
            statuses.update(c, h.id(), encoded);
            return null;
        });
    }

    /** For the engine, which found the host manageable before it connected. */
    void record(int hostId, HostStatus changes) {
        Stored encoded = encode(changes);
        tx.write((c, hooks) -> {
            statuses.update(c, hostId, encoded);
            return null;
        });
    }

    private static Stored encode(HostStatus s) {
        return new Stored(
                s.contact().map(k -> new HostStatusRepository.Contact(k.at(), k.reachable(), k.message())),
                s.probe().map(p -> new HostStatusRepository.Stamped(p.at(), write(p.report()))),
                s.drift().map(d -> new HostStatusRepository.Drift(d.at(), d.status().name(),
                        write(d.differences()))),
                s.devices().map(d -> new HostStatusRepository.Stamped(d.at(), write(d.names()))));
    }

    private static HostStatus decode(Stored s) {
        return new HostStatus(
                s.contact().map(k -> new HostStatus.Contact(k.at(), k.reachable(), k.message())),
                s.probe().map(p -> new HostStatus.Probed(p.at(), read(p.json(), ProbeReport.class))),
                s.drift().map(d -> new HostStatus.DriftCheck(d.at(), PlanStatus.valueOf(d.status()),
                        strings(d.differencesJson()))),
                s.devices().map(d -> new HostStatus.KnownDevices(d.at(), strings(d.json()))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new VnetException("cannot encode a host status: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new VnetException("the inventory holds an unreadable host status: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new VnetException("the inventory holds an unreadable host status: " + e.getOriginalMessage(), e);
        }
    }
}
