package vnetdesk.ui.vm;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

import vnetdesk.ui.common.FormGrid;
import vnetdesk.ui.common.Icons;

/**
 * The Attach NIC wizard: ControlsFX's {@link Wizard} with one page per step —
 * network, address, security groups and QoS, default route, review. Next
 * (and Finish) is enabled only while the page's state holds. Finish runs the
 * attach in the background, applies it to the VM's host with the host's
 * progress shown, and keeps the wizard open until it is done: a refusal —
 * the inventory's, or the host's, which takes the attach back — is shown on
 * the review page; the wizard closes only on success.
 * Ids: pages {@code attach-page-<name>}, the Finish button {@code attach-finish}.
 */
final class AttachNicWizard {

    private static final double WIDTH = 780;
    private static final double HEIGHT = 600;

    private AttachNicWizard() {
    }

    /** Opens the wizard (blocks in a nested event loop until it closes); {@code attached} gets the new NIC's index. */
    static void show(Window owner, AttachNicViewModel vm, IntConsumer attached) {
        AttachNicPages pages = new AttachNicPages(vm);
        Wizard wizard = new Wizard(owner, "Attach NIC to VM " + vm.vmLabel());
        wizard.setReadSettings(false);
        wizard.setFlow(new Wizard.LinearFlow(
                new Page("attach-page-network", "Step 1 of 5 · Network", pages.network(),
                        vm.network().validBinding()),
                new Page("attach-page-address", "Step 2 of 5 · Address", pages.address(), vm.previewOkBinding()),
                new Page("attach-page-options", "Step 3 of 5 · Security groups and QoS", pages.options(),
                        vm.previewOkBinding().and(vm.options().qosValidProperty())),
                new Page("attach-page-route", "Step 4 of 5 · Default route (GATEWAY_IFACE)", route(vm),
                        vm.previewOkBinding()),
                new ReviewPage(vm, attached)));
        wizard.showAndWait();
    }

    /** One page: its header, content, and when Next may leave it. */
    private static class Page extends WizardPane {
        private final ObservableBooleanValue valid;

        Page(String id, String header, Node content, ObservableBooleanValue valid) {
            this.valid = valid;
            setId(id);
            setHeaderText(header);
            // ControlsFX styles every page with a question-mark graphic (wizard.css, which would win over
            // setGraphic); the page is about attaching, so it shows that icon instead
            getStyleClass().remove("wizard-pane");
            setGraphic(Icons.of("attach").orElse(null));
            setContent(content);
            setPrefSize(WIDTH, HEIGHT);
        }

        @Override
        public void onEnteringPage(Wizard wizard) {
            wizard.invalidProperty().unbind();
            wizard.invalidProperty().bind(Bindings.not(valid));
        }
    }

    /**
     * The last page. Its Finish button is its own (not the wizard's, which
     * would close at once): the attach runs in the background and the
     * button is fired again, to close, only once it succeeded.
     */
    private static final class ReviewPage extends Page {
        private final AttachNicViewModel vm;
        private boolean done;

        ReviewPage(AttachNicViewModel vm, IntConsumer attached) {
            super("attach-page-review", "Step 5 of 5 · Review", review(vm), vm.canFinishBinding());
            this.vm = vm;
            getButtonTypes().add(ButtonType.FINISH);
            Button finish = (Button) lookupButton(ButtonType.FINISH);
            finish.setId("attach-finish");
            finish.addEventFilter(ActionEvent.ACTION, e -> {
                if (done) {
                    return;
                }
                e.consume();
                vm.finish(index -> {
                    done = true;
                    finish.setDisable(false);
                    finish.fire();
                    attached.accept(index);
                });
            });
        }

        @Override
        public void onEnteringPage(Wizard wizard) {
            super.onEnteringPage(wizard);
            Node cancel = lookupButton(ButtonType.CANCEL);
            if (cancel != null && !cancel.disableProperty().isBound()) {
                cancel.disableProperty().bind(vm.finishingProperty());
            }
        }
    }

    /** Page 4: who owns the default route now and after, the preview's warning, and keeping the route. */
    private static Node route(AttachNicViewModel vm) {
        var summary = vm.summary();
        FormGrid g = new FormGrid();
        g.add("Default route now", text("attach-route-now", summary, AttachSummary::routeNow));
        g.add("GATEWAY_IFACE", text("attach-gateway-iface", summary, AttachSummary::gatewayIfaceNow));
        g.add("After the attach", text("attach-route-after", summary, AttachSummary::routeAfter));
        Label warning = wrapped(text("attach-route-warning", summary, s -> s.routeWarning().orElse("")));
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.getStyleClass().add("warning-banner");
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        CheckBox keep = new CheckBox();
        keep.setId("attach-keep-route");
        keep.setWrapText(true);
        keep.setMnemonicParsing(false);
        keep.selectedProperty().bindBidirectional(vm.keepRouteProperty());
        keep.textProperty().bind(Bindings.createStringBinding(() -> summary.get().flatMap(
                AttachSummary::keepableRoute).map(i -> "Keep the default route on NIC " + i + " (sets GATEWAY_IFACE = "
                + i + " on the VM when you finish)").orElse(""), summary));
        keep.visibleProperty().bind(keep.textProperty().isNotEmpty());
        keep.managedProperty().bind(keep.visibleProperty());
        Label stays = FormGrid.hint("Only one NIC of a VM gets gateways in its context: the one GATEWAY_IFACE names,"
                + " else the first NIC with a gateway.");
        VBox box = new VBox(10, g.node(), warning, keep, stays);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Page 5: the lease, groups, QoS, route, the NIC's guest context, warnings, and the honest host changes. */
    private static Node review(AttachNicViewModel vm) {
        var summary = vm.summary();
        FormGrid g = new FormGrid();
        g.add("Lease", wrapped(text("attach-review-lease", summary, AttachSummary::lease)));
        g.add("Security groups", wrapped(text("attach-review-groups", summary, AttachSummary::securityGroups)));
        g.add("QoS", text("attach-review-qos", summary, AttachSummary::qos));
        g.add("Default route", wrapped(text("attach-review-route", summary, AttachSummary::routeAfter)));
        TextArea context = new TextArea();
        context.setId("attach-review-context");
        context.setEditable(false);
        context.getStyleClass().add("code");
        context.setPrefRowCount(7);
        context.textProperty().bind(Bindings.createStringBinding(() -> summary.get().map(AttachSummary::contextSh)
                .orElse(""), summary));
        g.add("Guest context", context);
        Label warnings = wrapped(text("attach-review-warnings", summary, s -> String.join("\n", s.warnings())));
        warnings.getStyleClass().add("warning-banner");
        warnings.visibleProperty().bind(warnings.textProperty().isNotEmpty());
        warnings.managedProperty().bind(warnings.visibleProperty());
        g.wide(warnings);
        g.section("Host changes");
        g.wide(wrapped(text("attach-review-hosts", summary, AttachSummary::hostChanges)));
        Label previewError = AttachNicPages.errorLabel("attach-review-preview-error");
        previewError.textProperty().bind(vm.previewErrorProperty());
        Label finishError = AttachNicPages.errorLabel("attach-finish-error");
        finishError.getStyleClass().add("error-banner");
        finishError.textProperty().bind(vm.finishErrorProperty());
        ProgressBar hostProgress = new ProgressBar();
        hostProgress.setId("attach-host-progress");
        hostProgress.progressProperty().bind(vm.hostProgressProperty());
        hostProgress.setPrefWidth(220);
        Label hostMessage = new Label();
        hostMessage.setId("attach-host-message");
        hostMessage.textProperty().bind(Bindings.createStringBinding(() -> vm.hostMessageProperty().get().isEmpty()
                ? "Attaching…" : vm.hostMessageProperty().get(), vm.hostMessageProperty()));
        HBox working = new HBox(8, hostProgress, hostMessage);
        working.visibleProperty().bind(vm.finishingProperty());
        working.managedProperty().bind(working.visibleProperty());
        VBox box = new VBox(6, g.node(), previewError, finishError, working);
        box.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label text(String id, ObjectBinding<Optional<AttachSummary>> summary,
                              Function<AttachSummary, String> value) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(Bindings.createStringBinding(() -> summary.get().map(value).orElse(""), summary));
        return l;
    }

    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(520);
        return l;
    }
}
