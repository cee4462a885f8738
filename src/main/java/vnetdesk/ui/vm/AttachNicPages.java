package vnetdesk.ui.vm;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import vnetdesk.model.Qos;
import vnetdesk.ui.common.FieldErrors;
import vnetdesk.ui.common.FormGrid;

/**
 * The content of the Attach NIC wizard's first three pages — network,
 * address, security groups and QoS — bound to the wizard's ViewModel.
 */
final class AttachNicPages {

    private final AttachNicViewModel vm;

    AttachNicPages(AttachNicViewModel vm) {
        this.vm = vm;
    }

    /** Page 1: a network from the list, or automatic selection with its live-checked expressions and candidates. */
    Node network() {
        NetworkStep step = vm.network();
        ToggleGroup modes = new ToggleGroup();
        RadioButton named = radio("attach-mode-network", "A network you may use", modes);
        RadioButton automatic = radio("attach-mode-automatic", "Automatic selection (NETWORK_MODE = auto)", modes);
        modes.selectToggle(step.modeProperty().get() == NetworkStep.Mode.NETWORK ? named : automatic);
        modes.selectedToggleProperty().addListener((o, was, now) -> step.modeProperty().set(now == automatic
                ? NetworkStep.Mode.AUTOMATIC : NetworkStep.Mode.NETWORK));
        ListView<NetworkStep.NetworkOption> networks = new ListView<>(step.networks());
        networks.setId("attach-networks");
        networks.setPrefHeight(230);
        networks.setPlaceholder(new Label("No network you may use"));
        networks.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                step.networkProperty().set(now));
        Optional.ofNullable(step.networkProperty().get()).ifPresent(networks.getSelectionModel()::select);
        Label problem = errorLabel("attach-network-problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(step.networkProperty()
                .get()).flatMap(NetworkStep.NetworkOption::problem).orElse(""), step.networkProperty()));
        VBox namedBox = shownWhen(new VBox(6, networks, problem), named);
        VBox automaticBox = shownWhen(automatic(step), automatic);
        VBox box = new VBox(8, FormGrid.hint(step.placement()), named, namedBox, automatic, automaticBox);
        box.setPadding(new Insets(10));
        // an error and its pointer make the automatic part taller than the page: it scrolls, nothing is cut
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node automatic(NetworkStep step) {
        ObservableMap<String, String> errors = FXCollections.observableHashMap();
        FieldErrors decorations = new FieldErrors(errors);
        FormGrid g = new FormGrid();
        TextField requirements = expression("attach-requirements", step.requirementsProperty(),
                "e.g. TRAFFIC_TYPE = \"public\" & VN_MAD = \"802.1Q\"   or   NAME = \"private*\"");
        g.add("Requirements", requirements, decorations.register("SCHED_REQUIREMENTS", requirements),
                pointer("attach-requirements", requirements, step.requirementsMarkProperty(), errors,
                        "SCHED_REQUIREMENTS"));
        TextField rank = expression("attach-rank", step.rankProperty(), "e.g. FREE_LEASES   or   -USED_LEASES");
        g.add("Rank", rank, decorations.register("SCHED_RANK", rank),
                pointer("attach-rank", rank, step.rankMarkProperty(), errors, "SCHED_RANK"));
        if (step.needsPreviewHost() && step.hosts().isEmpty()) {
            g.add("Preview", FormGrid.hint("No host in the inventory: the choice cannot be previewed (add a host"
                    + " in Hosts). The NIC waits for its network until the VM is deployed."));
        } else if (step.needsPreviewHost()) {
            ComboBox<String> host = new ComboBox<>(step.hosts());
            host.setId("attach-preview-host");
            host.valueProperty().bindBidirectional(step.previewHostProperty());
            g.add("Preview on host", host, FormGrid.hint("The VM is not on a host: the choice is previewed as if"
                    + " it were on this host; the real choice is made when the VM is deployed."));
        }
        Label choice = new Label();
        choice.setId("attach-choice");
        choice.setWrapText(true);
        choice.textProperty().bind(Bindings.createStringBinding(() -> step.checkingProperty().get() ? "Checking…"
                : step.choiceProperty().get().map(c -> c.networkLabel().map(l -> "Would choose " + l + ".")
                .orElse("No network qualifies: " + c.reason())).orElse(""), step.checkingProperty(),
                step.choiceProperty()));
        ListView<NetworkStep.Candidate> candidates = new ListView<>(step.candidates());
        candidates.setId("attach-candidates");
        candidates.setPrefHeight(190);
        candidates.setPlaceholder(new Label("The candidates appear here with why each is chosen or turned down"));
        candidates.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(NetworkStep.Candidate c, boolean empty) {
                super.updateItem(c, empty);
                getStyleClass().removeAll("check-ok", "check-bad");
                if (empty || c == null) {
                    setText(null);
                    return;
                }
                setText((c.chosen() ? "✔ " : "✗ ") + c.text());
                setWrapText(true);
                setPrefWidth(0);
                getStyleClass().add(c.chosen() ? "check-ok" : "check-bad");
            }
        });
        Label checkError = errorLabel("attach-check-error");
        checkError.textProperty().bind(step.checkErrorProperty());
        VBox box = new VBox(6, g.node(), choice, candidates, checkError);
        box.setPadding(new Insets(0, 0, 0, 24));
        return box;
    }

    private static TextField expression(String id, StringProperty text, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("code");
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    /**
     * Under an expression field: the expression with {@code ^} under the place
     * the error names, and a link that selects that character in the field.
     * The field is not changed while the user types: selecting text there
     * would make the next keystroke replace it.
     */
    private static Node pointer(String id, TextField field, ReadOnlyObjectProperty<Optional<ExpressionMark>> mark,
                                ObservableMap<String, String> errors, String attribute) {
        Label caret = new Label();
        caret.setId(id + "-pointer");
        caret.getStyleClass().addAll("code", "field-error");
        Hyperlink go = new Hyperlink("Show the position in the field");
        go.setId(id + "-goto");
        go.setOnAction(e -> mark.get().ifPresent(m -> {
            int[] range = m.range(field.getText());
            field.requestFocus();
            field.selectRange(range[0], range[1]);
        }));
        mark.addListener((o, was, now) -> {
            now.ifPresentOrElse(m -> errors.put(attribute, m.message()), () -> errors.remove(attribute));
            caret.setText(now.map(m -> m.pointer(field.getText())).orElse(""));
        });
        VBox box = new VBox(2, caret, go);
        box.visibleProperty().bind(caret.textProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Page 2: the first free address (suggested), or a specific address or address range, checked live. */
    Node address() {
        ToggleGroup modes = new ToggleGroup();
        RadioButton first = radio("attach-first-free", "First free address", modes);
        first.textProperty().bind(Bindings.createStringBinding(() -> "First free address"
                + (vm.suggestionProperty().get().isEmpty() ? "" : " — suggested: " + vm.suggestionProperty().get()),
                vm.suggestionProperty()));
        RadioButton specific = radio("attach-specific", "A specific address or address range", modes);
        modes.selectToggle(vm.addressModeProperty().get() == AttachNicViewModel.AddressMode.FIRST_FREE
                ? first : specific);
        modes.selectedToggleProperty().addListener((o, was, now) -> vm.addressModeProperty().set(now == specific
                ? AttachNicViewModel.AddressMode.SPECIFIC : AttachNicViewModel.AddressMode.FIRST_FREE));
        vm.addressModeProperty().addListener((o, was, now) -> modes.selectToggle(
                now == AttachNicViewModel.AddressMode.SPECIFIC ? specific : first));
        specific.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.network().modeProperty().get()
                == NetworkStep.Mode.AUTOMATIC, vm.network().modeProperty()));
        FormGrid g = new FormGrid();
        TextField address = new TextField();
        address.setId("attach-address");
        address.setPromptText("an IP, IPv6 or MAC address; empty: the first free one of the range");
        address.textProperty().bindBidirectional(vm.addressProperty());
        ComboBox<String> ar = new ComboBox<>(vm.ars());
        ar.setId("attach-ar");
        ar.valueProperty().bindBidirectional(vm.arProperty());
        ar.disableProperty().bind(specific.selectedProperty().not());
        address.disableProperty().bind(specific.selectedProperty().not());
        Label error = errorLabel("attach-address-error");
        error.textProperty().bind(vm.previewErrorProperty());
        g.add("Address", address, error);
        g.add("Address range", ar);
        Label lease = new Label();
        lease.setId("attach-lease");
        lease.setWrapText(true);
        lease.textProperty().bind(Bindings.createStringBinding(() -> vm.previewingProperty().get() ? "Checking…"
                : vm.summary().get().map(s -> "The NIC would get: " + s.lease()).orElse(""),
                vm.previewingProperty(), vm.summary()));
        Label automaticHint = FormGrid.hint("Automatic selection leases the first free address of the network it"
                + " chooses.");
        automaticHint.visibleProperty().bind(specific.disableProperty());
        automaticHint.managedProperty().bind(automaticHint.visibleProperty());
        Label network = new Label();
        network.setId("attach-address-network");
        network.getStyleClass().add("form-section");
        network.textProperty().bind(Bindings.createStringBinding(() -> vm.network().modeProperty().get()
                == NetworkStep.Mode.AUTOMATIC ? "Network: chosen by automatic selection"
                : Optional.ofNullable(vm.network().networkProperty().get()).map(o -> "Network "
                + o.network().label()).orElse(""), vm.network().modeProperty(), vm.network().networkProperty()));
        VBox box = new VBox(8, network, first, automaticHint, specific, g.node(), lease);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Page 3: the NIC's own security groups (the network's shown as inherited) and a QoS override. */
    Node options() {
        NicOptions options = vm.options();
        ListView<NicOptions.GroupChoice> groups = new ListView<>(options.groups());
        groups.setId("attach-groups");
        groups.setPrefHeight(170);
        groups.setPlaceholder(new Label("No security group you may use"));
        groups.setCellFactory(l -> new GroupCell());
        FieldErrors errors = new FieldErrors(options.qosErrors());
        GridPane qos = new GridPane();
        qos.setHgap(8);
        qos.setVgap(4);
        String[] labels = {"Inbound average (KB/s)", "Inbound peak (KB/s)", "Inbound burst (KB)",
                "Outbound average (KB/s)", "Outbound peak (KB/s)", "Outbound burst (KB)"};
        for (int i = 0; i < Qos.ATTRIBUTES.length; i++) {
            String attribute = Qos.ATTRIBUTES[i];
            TextField field = new TextField();
            field.setId("attach-qos-" + attribute);
            field.setPrefColumnCount(9);
            field.textProperty().bindBidirectional(options.qosField(attribute));
            StringProperty network = options.networkQos(attribute);
            field.promptTextProperty().bind(Bindings.createStringBinding(() -> network.get().isEmpty()
                    ? "no limit" : "network: " + network.get(), network));
            int column = i / 3 * 2;
            qos.add(new Label(labels[i]), column, i % 3 * 2);
            qos.add(field, column + 1, i % 3 * 2);
            qos.add(errors.register(attribute, field), column + 1, i % 3 * 2 + 1);
        }
        Label error = errorLabel("attach-options-error");
        error.textProperty().bind(vm.previewErrorProperty());
        VBox box = new VBox(8, section("Security groups"), FormGrid.hint("The network's groups apply to every NIC"
                + " on it; check the groups this NIC adds."), groups, section("QoS override"),
                FormGrid.hint("Empty fields keep the network's value (shown in the field). Limits apply to this NIC"
                        + " alone."), qos, error);
        box.setPadding(new Insets(10));
        return box;
    }

    /** A group as a check box; the network's groups are checked and cannot be unchecked. */
    private static final class GroupCell extends ListCell<NicOptions.GroupChoice> {
        private final CheckBox box = new CheckBox();
        private NicOptions.GroupChoice bound;

        GroupCell() {
            box.setMnemonicParsing(false);
        }

        @Override
        protected void updateItem(NicOptions.GroupChoice g, boolean empty) {
            super.updateItem(g, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.checkedProperty());
                bound = null;
            }
            setText(null);
            if (empty || g == null) {
                setGraphic(null);
                return;
            }
            box.setText(g.toString());
            box.setDisable(g.inherited());
            box.selectedProperty().bindBidirectional(g.checkedProperty());
            bound = g;
            setGraphic(box);
        }
    }

    static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-section");
        return l;
    }

    static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static RadioButton radio(String id, String text, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setToggleGroup(group);
        return b;
    }

    private static VBox shownWhen(Node content, RadioButton selected) {
        VBox box = new VBox(content);
        box.visibleProperty().bind(selected.selectedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
