package vnetdesk.store;

import vnetdesk.model.VnetException;

/** Another process holds the embedded inventory open. */
public class InventoryInUseException extends VnetException {
    public InventoryInUseException(String message) {
        super(message);
    }
}
