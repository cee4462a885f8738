package vnetdesk.ui;

import java.util.OptionalLong;

import vnetdesk.service.Inventory;
import vnetdesk.ui.common.TaskRunner;

/**
 * Notices changes that other processes (the CLI beside the console, scripts)
 * committed to the inventory: reads the inventory's change stamp in the
 * background when asked and runs {@code onChange} when it moved since the
 * last check. The first check only records the stamp.
 */
final class OutsideChanges {

    private static final System.Logger LOG = System.getLogger(OutsideChanges.class.getName());

    private final Inventory inventory;
    private final TaskRunner runner;
    private final Runnable onChange;
    private OptionalLong seen = OptionalLong.empty();
    /** A check is queued or running: focus and timer do not pile up more of them. */
    private boolean checking;

    OutsideChanges(Inventory inventory, TaskRunner runner, Runnable onChange) {
        this.inventory = inventory;
        this.runner = runner;
        this.onChange = onChange;
    }

    /** Reads the stamp off the FX thread; {@code onChange} runs on it when the stamp moved. */
    void check() {
        if (checking) {
            return;
        }
        checking = true;
        runner.runWithProgress("Looking for changes made elsewhere", progress -> inventory.changeStamp(), stamp -> {
            checking = false;
            boolean moved = seen.isPresent() && seen.getAsLong() != stamp;
            seen = OptionalLong.of(stamp);
            if (moved) {
                onChange.run();
            }
        }, e -> {
            checking = false;
            // the next check tries again; a dialog every few seconds would help nobody
            LOG.log(System.Logger.Level.DEBUG, "cannot read the inventory's change stamp: {0}", e.getMessage());
        }, () -> checking = false); // a cancelled check (the status bar's Cancel) must not stop the later ones
    }
}
