package vnetdesk.ui.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.Words;
import vnetdesk.model.vm.Host;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.Dialogs;
import vnetdesk.ui.common.RowList;
import vnetdesk.ui.common.TaskRunner;

/**
 * The Clusters section's list and actions: new, rename, delete (refused
 * while hosts or networks are in it), and moving hosts and networks in and
 * out. Choices are read in the background, asked through {@link Dialogs},
 * and every change is made by the service, whose refusal is explained.
 */
public final class ClustersViewModel {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Dialogs dialogs;
    private final RowList<ClusterRow> list;
    private Runnable inventoryChanged = () -> { };

    public ClustersViewModel(Inventory inventory, Actor actor, TaskRunner runner, Dialogs dialogs) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.list = new RowList<>(runner, dialogs, "clusters",
                () -> inventory.clusters().list(actor).stream().map(ClusterRow::of).toList(), ClusterRow::id,
                ClusterRow::matches);
    }

    public RowList<ClusterRow> list() {
        return list;
    }

    /** Runs after a host or a network changed cluster (the Hosts and Networks views show clusters too). */
    public void setOnInventoryChanged(Runnable whenChanged) {
        this.inventoryChanged = whenChanged;
    }

    public void create() {
        dialogs.askText("New cluster", "Name of the new cluster", "").filter(n -> !n.isBlank())
                .ifPresent(name -> runner.run("Creating cluster " + name,
                        () -> inventory.clusters().create(actor, name), list::reloadSelecting,
                        e -> dialogs.showError("Cannot create cluster " + name, e)));
    }

    public void rename(ClusterRow c) {
        dialogs.askText("Rename cluster", "New name of cluster " + c.label(), c.name())
                .filter(n -> !n.equals(c.name()))
                .ifPresent(name -> change("Renaming cluster " + c.id(), "Cannot rename cluster " + c.label(), () -> {
                    inventory.clusters().rename(actor, ObjectRef.id(c.id()), name);
                    return c.id();
                }));
    }

    /** Deletes after asking; the service refuses the default cluster and one that still holds anything. */
    public void delete(ClusterRow c) {
        String note = c.hosts().isEmpty() && c.networks().isEmpty() ? ""
                : "\n\nIt still holds " + Words.count(c.hosts().size(), "host") + " and "
                + Words.count(c.networks().size(), "network") + ": the delete is refused until they are moved out.";
        if (!dialogs.confirm("Delete cluster", "Delete cluster " + c.label() + "?" + note)) {
            return;
        }
        runner.run("Deleting cluster " + c.id(), () -> {
            inventory.clusters().delete(actor, ObjectRef.id(c.id()));
            return c.id();
        }, id -> {
            dialogs.notify("Cluster " + c.label() + " deleted");
            list.reload();
        }, e -> dialogs.showError("Cannot delete cluster " + c.label(), e));
    }

    /** Asks which host (of the other clusters) to move into {@code c}. */
    public void addHost(ClusterRow c) {
        runner.run("Reading hosts", () -> labels(inventory.hosts().list(actor).stream().map(h -> h.host())
                .filter(h -> h.clusterId() != c.id()).toList(), Host::label, Host::id), hosts -> {
                    if (hosts.isEmpty()) {
                        dialogs.notify("Every host is in cluster " + c.label() + " already");
                        return;
                    }
                    ask("Add host", "Host to move into cluster " + c.label() + " (a host is in one cluster)",
                            hosts, Optional.empty()).ifPresent(id -> change("Adding host " + id + " to cluster "
                            + c.id(), "Cannot add the host to cluster " + c.label(), () -> {
                                inventory.clusters().addHost(actor, ObjectRef.id(c.id()), ObjectRef.id(id));
                                return c.id();
                            }));
                }, e -> dialogs.showError("Cannot read the hosts", e));
    }

    /** Asks which of {@code c}'s hosts to take out ({@code proposed} first); it goes back to cluster 0. */
    public void removeHost(ClusterRow c, Optional<String> proposed) {
        Map<String, Integer> hosts = labelled(c.hosts());
        if (hosts.isEmpty()) {
            dialogs.notify("Cluster " + c.label() + " has no host");
            return;
        }
        ask("Remove host", "Host to take out of cluster " + c.label() + " (it goes back to cluster 0:default)",
                hosts, proposed).ifPresent(id -> change("Removing host " + id + " from cluster " + c.id(),
                "Cannot remove the host from cluster " + c.label(), () -> {
                    inventory.clusters().removeHost(actor, ObjectRef.id(c.id()), ObjectRef.id(id));
                    return c.id();
                }));
    }

    /** Asks which network (not in {@code c} yet) to add to the cluster (its CLUSTER_IDS). */
    public void addNetwork(ClusterRow c) {
        runner.run("Reading networks", () -> labels(inventory.queries().list(actor).stream().map(s -> s.network())
                .filter(n -> !n.clusterIds().contains(c.id())).toList(), VirtualNetwork::label, VirtualNetwork::id), networks -> {
                    if (networks.isEmpty()) {
                        dialogs.notify("Every network you may use is in cluster " + c.label() + " already");
                        return;
                    }
                    ask("Add network", "Network to add to cluster " + c.label() + " (a network may be in several)",
                            networks, Optional.empty()).ifPresent(id -> change("Adding network " + id
                            + " to cluster " + c.id(), "Cannot add the network to cluster " + c.label(), () -> {
                                inventory.clusters().addNetwork(actor, ObjectRef.id(c.id()), ObjectRef.id(id));
                                return c.id();
                            }));
                }, e -> dialogs.showError("Cannot read the networks", e));
    }

    /** Asks which of {@code c}'s networks to take out of it ({@code proposed} first). */
    public void removeNetwork(ClusterRow c, Optional<String> proposed) {
        Map<String, Integer> networks = labelled(c.networks());
        if (networks.isEmpty()) {
            dialogs.notify("Cluster " + c.label() + " has no network");
            return;
        }
        ask("Remove network", "Network to take out of cluster " + c.label(), networks, proposed)
                .ifPresent(id -> change("Removing network " + id + " from cluster " + c.id(),
                        "Cannot remove the network from cluster " + c.label(), () -> {
                            inventory.clusters().removeNetwork(actor, ObjectRef.id(c.id()), ObjectRef.id(id));
                            return c.id();
                        }));
    }

    private Optional<Integer> ask(String title, String prompt, Map<String, Integer> choices, Optional<String> proposed) {
        List<String> labels = List.copyOf(choices.keySet());
        String initial = proposed.filter(choices::containsKey).orElse(labels.get(0));
        return dialogs.askChoice(title, prompt, labels, initial).map(choices::get);
    }

    private void change(String doing, String refused, Callable<Integer> call) {
        runner.run(doing, call, id -> {
            list.reload();
            inventoryChanged.run();
        }, e -> dialogs.showError(refused, e));
    }

    /** "id:name" labels of hosts or networks, with their ids, in list order. */
    private static <T> Map<String, Integer> labels(List<T> objects, Function<T, String> label, ToIntFunction<T> id) {
        Map<String, Integer> out = new LinkedHashMap<>();
        objects.forEach(o -> out.put(label.apply(o), id.applyAsInt(o)));
        return out;
    }

    /** The ids of "id:name" labels the rows carry. */
    private static Map<String, Integer> labelled(List<String> labels) {
        Map<String, Integer> out = new LinkedHashMap<>();
        labels.forEach(l -> out.put(l, Integer.parseInt(l.substring(0, l.indexOf(':')))));
        return out;
    }
}
