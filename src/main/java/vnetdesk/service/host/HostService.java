package vnetdesk.service.host;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vnetdesk.model.Actor;
import vnetdesk.model.ConflictException;
import vnetdesk.model.NetworkAttributes;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Permissions.Right;
import vnetdesk.model.ResourceType;
import vnetdesk.model.ValidationException;
import vnetdesk.model.vm.Cluster;
import vnetdesk.model.vm.Host;
import vnetdesk.service.core.Access;
import vnetdesk.service.core.RefLookup;
import vnetdesk.service.core.ServiceContext;
import vnetdesk.service.core.Tx;
import vnetdesk.store.ClusterRepository;
import vnetdesk.store.HostRepository;
import vnetdesk.store.NetworkRepository;
import vnetdesk.store.VmRepository;

/**
 * Hosts in the inventory (their connection over SSH comes with the host
 * engine): create in a cluster, rename, set the address, delete (refused
 * while a VM is placed on it). Anyone may read hosts; changing them takes
 * oneadmin or an ACL grant, as in OpenNebula.
 */
public final class HostService {

    /** A host with its cluster and the VMs placed on it (id and name). */
    public record HostInfo(Host host, Cluster cluster, Map<Integer, String> vms) {
    }

    private final Tx tx;
    private final Access access;
    private final HostRepository hosts;
    private final ClusterRepository clusters;
    private final VmRepository vms;
    private final NetworkRepository ids;

    public HostService(ServiceContext ctx) {
        this.tx = ctx.tx();
        this.access = ctx.access();
        this.hosts = ctx.hosts();
        this.clusters = ctx.clusters();
        this.vms = ctx.vms();
        this.ids = ctx.networks();
    }

    public List<HostInfo> list(Actor actor) {
        return tx.read(c -> {
            List<HostInfo> out = new ArrayList<>();
            for (Host h : hosts.list(c)) {
                out.add(info(c, h));
            }
            return out;
        });
    }

    public HostInfo show(Actor actor, ObjectRef ref) {
        return tx.read(c -> info(c, resolve(c, hosts, ref)));
    }

    private HostInfo info(Connection c, Host h) throws SQLException {
        Map<Integer, String> placed = new LinkedHashMap<>();
        for (VmRepository.VmRow vm : vms.onHost(c, h.id())) {
            placed.put(vm.id(), vm.name());
        }
        return new HostInfo(h, clusters.find(c, h.clusterId()).orElseThrow(), placed);
    }

    /** Adds a host to a cluster (default 0); the address may be set now or later. Returns its id. */
    public int create(Actor actor, String name, Optional<ObjectRef> cluster, Optional<String> address) {
        String checked = NetworkAttributes.checkName("NAME", name);
        String addr = checkAddress(address.orElse(""));
        return tx.write((c, hooks) -> {
            Cluster in = cluster.isPresent() ? ClusterService.resolve(c, clusters, cluster.get())
                    : clusters.find(c, Cluster.DEFAULT_ID).orElseThrow();
            access.of(c, actor).requireCreate(ResourceType.HOST, List.of(in.id()));
            checkNameFree(c, checked);
            int id = ids.nextId(c, "HOST");
            hosts.insert(c, new Host(id, checked, in.id(), addr, Map.of(), 0));
            return id;
        });
    }

    public void rename(Actor actor, ObjectRef ref, String newName) {
        String checked = NetworkAttributes.checkName("NAME", newName);
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "rename");
            if (!h.name().equals(checked)) {
                checkNameFree(c, checked);
            }
            hosts.update(c, new Host(h.id(), checked, h.clusterId(), h.address(), h.attributes(), h.version()));
            return null;
        });
    }

    /** Sets the address (host name or IP) the console will reach the host at; empty clears it. */
    public void setAddress(Actor actor, ObjectRef ref, String address) {
        String addr = checkAddress(address);
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "change the address of");
            hosts.update(c, new Host(h.id(), h.name(), h.clusterId(), addr, h.attributes(), h.version()));
            return null;
        });
    }

    /** Deletes a host no VM is placed on. */
    public void delete(Actor actor, ObjectRef ref) {
        tx.write((c, hooks) -> {
            Host h = resolve(c, hosts, ref);
            access.of(c, actor).require(InventoryObjects.guarded(h), Right.MANAGE, "delete");
            List<VmRepository.VmRow> placed = vms.onHost(c, h.id());
            if (!placed.isEmpty()) {
                throw new ConflictException("host " + h.label() + " has " + placed.size() + " VM(s) on it ("
                        + String.join(", ", placed.stream().limit(10).map(v -> v.id() + ":" + v.name()).toList())
                        + (placed.size() > 10 ? ", …" : "") + "); move or delete them first");
            }
            hosts.delete(c, h.id());
            return null;
        });
    }

    /**
     * A host name or an IPv4/IPv6 address, as SSH will take it: letters,
     * digits, dots, hyphens, colons (IPv6); no blanks or shell characters.
     */
    public static String checkAddress(String address) {
        String a = address.trim();
        if (a.isEmpty()) {
            return a;
        }
        if (a.length() > 253 || !a.matches("[A-Za-z0-9][A-Za-z0-9.:\\-]*")) {
            throw ValidationException.invalid("ADDRESS", address,
                    "expected a host name or an IP address (letters, digits, '.', '-', ':')");
        }
        return a;
    }

    private void checkNameFree(Connection c, String name) throws SQLException {
        if (!hosts.idsByName(c, name).isEmpty()) {
            throw new ConflictException("NAME", "NAME: a host named \"" + name + "\" already exists");
        }
    }

    static Host resolve(Connection c, HostRepository hosts, ObjectRef ref) throws SQLException {
        int id = RefLookup.idOf(c, ref, "HOST", "host", hosts::idsByName);
        return hosts.find(c, id).orElseThrow(() -> RefLookup.notFound("host", ref));
    }
}
