package vnetdesk.ui;

import java.util.List;
import java.util.function.IntConsumer;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.service.QueryService.WhoisMatch;
import vnetdesk.ui.common.ErrorText;
import vnetdesk.ui.common.TaskRunner;

/**
 * The global "who holds this?" box: an IPv4, IPv6 or MAC address is looked up
 * in every network; the answer names the network, AR and owner (or says the
 * address is free, or in no network) and offers to open the network.
 */
final class WhoHoldsThis {

    private final Inventory inventory;
    private final Actor actor;
    private final TaskRunner runner;
    private final IntConsumer openNetwork;
    private final TextField field = new TextField();

    WhoHoldsThis(Inventory inventory, Actor actor, TaskRunner runner, IntConsumer openNetwork) {
        this.inventory = inventory;
        this.actor = actor;
        this.runner = runner;
        this.openNetwork = openNetwork;
        field.setId("who-holds");
        field.setPromptText("Who holds this IP or MAC? ⏎");
        field.setPrefColumnCount(17);
        field.setOnAction(e -> lookUp());
    }

    TextField node() {
        return field;
    }

    private void lookUp() {
        String text = field.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        runner.run("Looking up " + text, () -> inventory.queries().whois(actor, text),
                matches -> show(text, matches, null), e -> show(text, List.of(), ErrorText.message(e)));
    }

    private void show(String text, List<WhoisMatch> matches, String error) {
        Dialog<Void> d = new Dialog<>();
        Window owner = field.getScene().getWindow();
        d.initOwner(owner);
        d.setTitle("Who holds " + text);
        d.setHeaderText("Who holds " + text + "?");
        d.getDialogPane().setId("who-holds-dialog");
        VBox box = new VBox(10);
        box.setPadding(new Insets(8));
        box.setPrefWidth(520);
        if (error != null) {
            Label l = new Label(error);
            l.getStyleClass().add("field-error");
            l.setWrapText(true);
            box.getChildren().add(l);
        } else if (matches.isEmpty()) {
            box.getChildren().add(new Label(text + " is not in any address range of the networks you can see."));
        }
        for (WhoisMatch m : matches) {
            GridPane g = new GridPane();
            g.setHgap(10);
            g.setVgap(4);
            g.getStyleClass().add("whois-match");
            int row = 0;
            g.addRow(row++, new Label("Network"), new Label(m.network().label()));
            g.addRow(row++, new Label("Address range"), new Label("AR " + m.arId()));
            g.addRow(row++, new Label("Addresses"), new Label(m.addresses().primary() + "   " + m.addresses().mac()));
            Label owner2 = new Label(m.leaseOwner().isEmpty() ? "free — it would be leased from this range"
                    : m.owner().orElse(m.leaseOwner().get().label()));
            owner2.setId("whois-owner");
            owner2.getStyleClass().add(m.leaseOwner().isEmpty() ? "check-ok" : "check-bad");
            g.addRow(row++, new Label("Held by"), owner2);
            Button open = new Button("Open network");
            open.setOnAction(e -> {
                d.close();
                openNetwork.accept(m.network().id());
            });
            g.add(open, 1, row);
            box.getChildren().add(g);
        }
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
    }
}
