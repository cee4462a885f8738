package vnetdesk.ui.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import vnetdesk.model.Actor;
import vnetdesk.model.ObjectRef;
import vnetdesk.model.Qos;
import vnetdesk.model.VirtualNetwork;
import vnetdesk.model.vm.GuestContext;
import vnetdesk.model.vm.Host;
import vnetdesk.model.vm.Nic;
import vnetdesk.service.Inventory;
import vnetdesk.service.host.HostProgress;
import vnetdesk.service.host.HostRun;
import vnetdesk.service.host.OfflinePlans;
import vnetdesk.service.vm.AttachPreview;
import vnetdesk.service.vm.NicRequest;
import vnetdesk.service.vm.VmDetails;
import vnetdesk.template.Template;
import vnetdesk.template.TemplateAttribute;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskHandle;
import vnetdesk.ui.common.TaskRunner;
import vnetdesk.ui.common.ConsoleHosts;

/**
 * The Attach NIC wizard's state, page by page: the network ({@link NetworkStep}),
 * the address (the first free one suggested, or a specific address or
 * address range), the security groups and QoS ({@link NicOptions}), the
 * default route, and the review ({@link AttachSummary}). Every change of
 * what the NIC would be asks the service for a preview — the attach made in
 * a transaction that is rolled back — so each page shows exactly what Finish
 * will do, or why the service would refuse it. Finish sets GATEWAY_IFACE
 * first (when the route is to stay: it names the NIC that already has the
 * route, so the guest context does not change if the attach is then
 * refused) and attaches; a refusal stays on the page.
 */
public final class AttachNicViewModel {

    /** What the wizard reads when it opens: the VM, its context, and the networks, hosts and groups to offer. */
    record Setup(VmDetails vm, GuestContext context, List<VirtualNetwork> networks, List<Host> hosts,
                 Map<Integer, String> groups) {

        static Setup read(Inventory inventory, Actor actor, int vmId) {
            ObjectRef ref = ObjectRef.id(vmId);
            Map<Integer, String> groups = new LinkedHashMap<>();
            inventory.securityGroups().list(actor).forEach(g -> groups.put(g.group().id(), g.group().label()));
            return new Setup(inventory.vms().show(actor, ref), inventory.vms().context(actor, ref),
                    inventory.queries().list(actor).stream().map(s -> s.network()).toList(),
                    inventory.hosts().list(actor).stream().map(h -> h.host()).toList(), groups);
        }
    }

    /** The first free address, or one the user names (an address and/or an address range). */
    public enum AddressMode { FIRST_FREE, SPECIFIC }

    /** The address-range choice that leaves the range to the allocator. */
    public static final String ANY_AR = "any address range";

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final Setup setup;
    private final NetworkStep network;
    private final NicOptions options;
    private final ObjectProperty<AddressMode> addressMode = new SimpleObjectProperty<>(AddressMode.FIRST_FREE);
    private final StringProperty address = new SimpleStringProperty("");
    private final ObservableList<String> ars = FXCollections.observableArrayList(ANY_AR);
    private final ObjectProperty<String> ar = new SimpleObjectProperty<>(ANY_AR);
    private final Map<String, Integer> arIds = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Optional<AttachPreview>> preview = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Optional<OfflinePlans.HostChange>> hostChange =
            new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty keepRoute = new SimpleBooleanProperty(false);
    private final ObjectBinding<Optional<AttachSummary>> summary;
    private final ReadOnlyBooleanWrapper finishing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper finishError = new ReadOnlyStringWrapper("");
    private final ConsoleHosts hosts;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper hostProgress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper hostMessage = new ReadOnlyStringWrapper("");
    private final BooleanBinding previewOk;
    private final BooleanBinding canFinish;
    private Optional<TaskHandle> lastPreview = Optional.empty();
    private long generation;

    private AttachNicViewModel(Inventory inventory, Actor actor, TaskRunner runner, ConsoleHosts hosts, Setup setup) {
        this.hosts = hosts;
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.setup = setup;
        this.network = new NetworkStep(inventory, actor, runner, vmId(), setup.vm().host(), setup.networks(),
                setup.hosts());
        this.options = new NicOptions(setup.groups());
        summary = Bindings.createObjectBinding(() -> preview.get().map(p -> new AttachSummary(setup.vm(),
                setup.context(), p, setup.groups(), keepRoute.get(), hostChange.get())), preview, keepRoute,
                hostChange);
        previewOk = Bindings.createBooleanBinding(() -> preview.get().isPresent() && !previewing.get()
                && previewError.get().isEmpty(), preview, previewing, previewError);
        canFinish = previewOk.and(finishing.not());
        network.networkProperty().addListener((o, was, now) -> networkChanged());
        network.modeProperty().addListener((o, was, now) -> networkChanged());
        network.choiceProperty().addListener((o, was, now) -> {
            if (network.modeProperty().get() == NetworkStep.Mode.AUTOMATIC) {
                options.inheritFrom(network.chosenNetwork().flatMap(this::networkOf));
            }
        });
        network.validBinding().addListener((o, was, now) -> refreshPreview());
        addressMode.addListener((o, was, now) -> refreshPreview());
        address.addListener((o, was, now) -> refreshPreview());
        ar.addListener((o, was, now) -> refreshPreview());
        options.groups().addListener((ListChangeListener<NicOptions.GroupChoice>) c -> refreshPreview());
        for (String attribute : Qos.ATTRIBUTES) {
            options.qosField(attribute).addListener((o, was, now) -> refreshPreview());
        }
    }

    /** Reads what the wizard needs in the background, then hands the wizard's state to {@code ready}. */
    static void open(Inventory inventory, Actor actor, TaskRunner runner, ConsoleHosts hosts, int vmId,
                     Consumer<AttachNicViewModel> ready, Consumer<Throwable> failed) {
        runner.run("Preparing to attach a NIC to VM " + vmId, () -> Setup.read(inventory, actor, vmId),
                setup -> ready.accept(new AttachNicViewModel(inventory, actor, runner, hosts, setup)), failed);
    }

    private int vmId() {
        return setup.vm().vm().id();
    }

    private Optional<VirtualNetwork> networkOf(int id) {
        return setup.networks().stream().filter(n -> n.id() == id).findFirst();
    }

    /** A new network (or mode): its address ranges and groups are offered, the address is asked again. */
    private void networkChanged() {
        boolean named = network.modeProperty().get() == NetworkStep.Mode.NETWORK;
        Optional<VirtualNetwork> chosen = named ? Optional.ofNullable(network.networkProperty().get())
                .map(NetworkStep.NetworkOption::network) : network.chosenNetwork().flatMap(this::networkOf);
        arIds.clear();
        chosen.filter(n -> named).ifPresent(n -> n.addressRanges().forEach(r -> arIds.put("AR " + r.id() + ": "
                + r.type().typeName() + " from " + r.firstAddresses().primary() + ", " + r.size() + " addresses",
                r.id())));
        ars.setAll(ANY_AR);
        ars.addAll(arIds.keySet());
        suggestion.set("");
        options.inheritFrom(chosen);
        if (!named) {
            addressMode.set(AddressMode.FIRST_FREE);
        }
        address.set("");
        ar.set(ANY_AR);
        refreshPreview();
    }

    /** The NIC the pages describe, as the service will get it. */
    NicRequest request() {
        boolean named = network.modeProperty().get() == NetworkStep.Mode.NETWORK;
        boolean specific = named && addressMode.get() == AddressMode.SPECIFIC;
        Optional<String> at = specific && !address.get().isBlank() ? Optional.of(address.get().trim())
                : Optional.empty();
        Optional<Integer> range = specific ? Optional.ofNullable(arIds.get(ar.get())) : Optional.empty();
        return new NicRequest(
                named ? Optional.ofNullable(network.networkProperty().get()).map(o -> ObjectRef.id(o.network().id()))
                        : Optional.empty(),
                named ? Optional.empty() : Optional.of(new NicRequest.Automatic(
                        network.requirementsProperty().get().trim(), network.rankProperty().get().trim())),
                at, range, options.ownGroups(), options.qos(), Nic.DEFAULT_MODEL, Map.of());
    }

    /** A preview of the attach and what it changes on the VM's host. */
    private record Previewed(AttachPreview preview, Optional<OfflinePlans.HostChange> host) {
    }

    /** Asks the service what the NIC would be now; a preview of inputs changed since is cancelled. */
    private void refreshPreview() {
        lastPreview.ifPresent(TaskHandle::cancel);
        long mine = ++generation;
        if (!network.validBinding().get() || !options.qosValidProperty().get()) {
            preview.set(Optional.empty());
            previewError.set("");
            previewing.set(false);
            return;
        }
        NicRequest request = request();
        boolean firstFree = request.address().isEmpty() && request.arId().isEmpty();
        previewing.set(true);
        lastPreview = Optional.of(runner.run("Previewing the new NIC", () -> {
            AttachPreview p = inventory.vms().previewAttach(actor, ObjectRef.id(vmId()), request);
            return new Previewed(p, inventory.hostPlans().attachChanges(actor, vmId(), p.nic()));
        }, previewed -> {
                    AttachPreview p = previewed.preview();
                    if (mine == generation) {
                        previewing.set(false);
                        previewError.set("");
                        hostChange.set(previewed.host());
                        preview.set(Optional.of(p));
                        if (firstFree) {
                            suggestion.set(p.nic().nic().lease().map(l -> l.addresses().primary() + " (address range "
                                    + l.arId() + ")").orElse("chosen with the network when the VM is deployed"));
                        }
                    }
                }, e -> {
                    if (mine == generation) {
                        previewing.set(false);
                        preview.set(Optional.empty());
                        previewError.set(ErrorText.message(e));
                    }
                }));
    }

    /**
     * Attaches the NIC (setting GATEWAY_IFACE first when the route is kept)
     * and applies it to the VM's host at once, the host's progress shown
     * meanwhile; {@code attached} gets the new NIC's index. A refusal — by the
     * inventory, or by the host, which takes the attach back — stays on the
     * page with its reason, and the preview is read again. A VM not running,
     * or a host not reachable, keeps the NIC with its host change pending
     * ({@link #outcomeProperty()} says which).
     */
    public void finish(IntConsumer attached) {
        if (!canFinish.get()) {
            return;
        }
        NicRequest request = request();
        Optional<Integer> gatewayIface = summary.get().flatMap(AttachSummary::gatewayIfaceToSet);
        ObjectRef ref = ObjectRef.id(vmId());
        boolean[] gatewaySet = {false};
        finishing.set(true);
        finishError.set("");
        outcome.set("");
        TaskHandle task = runner.runOnHosts("Attaching a NIC to VM " + setup.vm().vm().label(), progress -> {
            if (gatewayIface.isPresent()) {
                inventory.vms().update(actor, ref, Template.of(new TemplateAttribute.Single(AttachSummary.GATEWAY_IFACE,
                        String.valueOf(gatewayIface.get()))), true);
                gatewaySet[0] = true;
            }
            return hosts.remote().attachNic(actor, ref, request, new HostRun(new HostRun.Listener() {
                @Override
                public void progress(HostProgress p) {
                    progress.report(p.fraction(), p.line());
                }
            }, progress::isCancelled));
        }, change -> {
            finishing.set(false);
            if (change.rolledBack()) {
                finishError.set("The attach was taken back: " + change.message());
                refreshPreview();
                return;
            }
            outcome.set(change.message());
            attached.accept(change.nicIndex());
        }, e -> {
            finishing.set(false);
            finishError.set("The attach was refused: " + ErrorText.message(e) + (gatewaySet[0]
                    ? " (GATEWAY_IFACE = " + gatewayIface.get() + " is now set on the VM; it names the NIC that"
                    + " already has the default route, so the guest context is unchanged)" : ""));
            refreshPreview();
        }, () -> finishing.set(false));
        hostProgress.bind(task.progressProperty());
        hostMessage.bind(task.messageProperty());
    }

    /** How far the host's apply of the last Finish is (negative: not measurable). */
    public ReadOnlyDoubleProperty hostProgressProperty() {
        return hostProgress.getReadOnlyProperty();
    }

    /** What the host's apply of the last Finish is doing ("host 0:kvm0: step 2 of 3: …"). */
    public ReadOnlyStringProperty hostMessageProperty() {
        return hostMessage.getReadOnlyProperty();
    }

    /** What the last successful Finish did on the host: applied, or why its change is pending. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The VM the NIC is for, "id:name". */
    public String vmLabel() {
        return setup.vm().vm().label();
    }

    public NetworkStep network() {
        return network;
    }

    public NicOptions options() {
        return options;
    }

    public ObjectProperty<AddressMode> addressModeProperty() {
        return addressMode;
    }

    /** A specific IP, IPv6 or MAC address (SPECIFIC mode); empty leaves it to the allocator. */
    public StringProperty addressProperty() {
        return address;
    }

    /** {@link #ANY_AR}, then the network's address ranges. */
    public ObservableList<String> ars() {
        return ars;
    }

    public ObjectProperty<String> arProperty() {
        return ar;
    }

    /** The first free address of the network, as the last first-free preview found it. */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** The service's refusal of the NIC as it stands (address taken, group not usable …). */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    /** Whether the last preview holds for the inputs as they are (the address, groups and review pages need it). */
    public BooleanBinding previewOkBinding() {
        return previewOk;
    }

    /** Keep the default route on the NIC that has it (sets GATEWAY_IFACE on Finish). */
    public BooleanProperty keepRouteProperty() {
        return keepRoute;
    }

    /** What the route and review pages show; empty until a preview holds. */
    ObjectBinding<Optional<AttachSummary>> summary() {
        return summary;
    }

    public ReadOnlyBooleanProperty finishingProperty() {
        return finishing.getReadOnlyProperty();
    }

    /** Why the last Finish was refused; empty when it was not. */
    public ReadOnlyStringProperty finishErrorProperty() {
        return finishError.getReadOnlyProperty();
    }

    public BooleanBinding canFinishBinding() {
        return canFinish;
    }
}
