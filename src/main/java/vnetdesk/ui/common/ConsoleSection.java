package vnetdesk.ui.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;

/**
 * One entry of the console's navigation (Networks, Security Groups, VMs …):
 * what it shows, the count next to its name, the actions the main toolbar
 * shows while it is selected, and what happens when it is shown, read again
 * or left. A view describes itself with one; the main window holds a list of
 * them and knows none by name.
 *
 * @param title   the name in the navigation; also what the console remembers as the last view
 * @param icon    the navigation icon ({@link Icons})
 * @param count   how many objects the section lists, when it lists any
 * @param badge   a number that needs the user (e.g. hosts with pending changes), shown on the icon when not 0
 * @param actions the toolbar's actions while the section is selected, in groups (a separator between groups)
 * @param shown   runs when the section is selected (it reads what it lists; edits in its editor stay)
 * @param reload  reads what it lists again (F5: another console or the CLI may have changed the inventory)
 * @param leave   runs the given continuation once the section may be left for good (a window closing,
 *                another user): at once, or after unsaved edits are saved or dropped; not on Cancel
 */
public record ConsoleSection(String title, String icon, Node content, Optional<ObservableIntegerValue> count,
                             Optional<ObservableIntegerValue> badge, List<List<ToolAction>> actions, Runnable shown,
                             Runnable reload, Consumer<Runnable> leave) {

    private static final Runnable NOTHING = () -> { };

    /** A section that only shows {@code content}: no count, no actions, nothing to read or leave. */
    public static ConsoleSection of(String title, String icon, Node content) {
        return new ConsoleSection(title, icon, content, Optional.empty(), Optional.empty(), List.of(), NOTHING,
                NOTHING, Runnable::run);
    }

    public ConsoleSection counting(ObservableIntegerValue objects) {
        return new ConsoleSection(title, icon, content, Optional.of(objects), badge, actions, shown, reload, leave);
    }

    public ConsoleSection badged(ObservableIntegerValue needingAttention) {
        return new ConsoleSection(title, icon, content, count, Optional.of(needingAttention), actions, shown, reload,
                leave);
    }

    public ConsoleSection withActions(List<List<ToolAction>> groups) {
        return new ConsoleSection(title, icon, content, count, badge, List.copyOf(groups), shown, reload, leave);
    }

    /** What it does when selected ({@code whenShown}) and on Refresh ({@code reading}). */
    public ConsoleSection reading(Runnable whenShown, Runnable reading) {
        return new ConsoleSection(title, icon, content, count, badge, actions, whenShown, reading, leave);
    }

    /** How it settles unsaved edits before it is left for good. */
    public ConsoleSection leaving(Consumer<Runnable> settle) {
        return new ConsoleSection(title, icon, content, count, badge, actions, shown, reload, settle);
    }

    /** Runs {@code proceed} once unsaved edits are settled (see {@code leave}). */
    public void leave(Runnable proceed) {
        leave.accept(proceed);
    }
}
