package vnetdesk.ui.network;

import javafx.scene.control.ListCell;

import vnetdesk.service.QueryService.FreeRange;

/** "AR 0: 10.0.0.60 – 10.0.0.99  (40)" in the free-ranges lists. */
final class FreeRangeCell extends ListCell<FreeRange> {

    @Override
    protected void updateItem(FreeRange r, boolean empty) {
        super.updateItem(r, empty);
        setText(empty || r == null ? null : "AR " + r.arId() + ": " + r.first().primary()
                + (r.count().equals("1") ? "" : " – " + r.last().primary()) + "  (" + r.count() + ")");
    }
}
