package vnetdesk.ui.network;

import javafx.scene.control.ListCell;

import vnetdesk.service.QueryService.FreeRange;
import vnetdesk.ui.common.FullText;

/** "AR 0: 10.0.0.60 – 10.0.0.99  (40)" in the free-ranges lists, wrapped when the list is narrow (IPv6). */
final class FreeRangeCell extends ListCell<FreeRange> {

    FreeRangeCell() {
        FullText.wrapInList(this);
    }

    @Override
    protected void updateItem(FreeRange r, boolean empty) {
        super.updateItem(r, empty);
        setText(empty || r == null ? null : "AR " + r.arId() + ": " + r.first().primary()
                + (r.count().equals("1") ? "" : " – " + r.last().primary()) + "  (" + r.count() + ")");
    }
}
