package vnetdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import vnetdesk.model.Actor;
import vnetdesk.model.SecurityRule.Direction;

/**
 * Texts the sample inventory shows are shown whole (issue 13): the Hold
 * dialog's reasons wrap instead of scrolling sideways, "OUTBOUND" and the rule
 * summaries fit their cells, the Leases table's columns (MAC, Name) all fit
 * without a scroll, free ranges wrap. "Whole" is what the user sees: the text
 * a label draws is its full text, not one cut with "…".
 */
@ExtendWith(ApplicationExtension.class)
class ClippedTextConsoleTest {

    @TempDir
    static Path root;
    private static int instance;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        console = new ConsoleFixture(stage, root.resolve("inv-" + instance++));
        SampleInventory.load(console.inventory, Actor.ONEADMIN);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    /** The text {@code labeled} draws (its skin's Text), which ends in "…" when the label cuts it. */
    static String drawn(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    static void assertWhole(Labeled labeled) {
        assertEquals(labeled.getText(), drawn(labeled), "cut: " + labeled.getText());
    }

    private static boolean scrollsSideways(Parent p) {
        return p.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible());
    }

    private void office(FxRobot robot) {
        robot.clickOn("#tool-refresh");
        console.idle(robot);
        console.selectNetwork(robot, "office-lan");
    }

    @Test
    void theHoldDialogsReasonsWrapInsteadOfScrollingSideways(FxRobot robot) {
        office(robot);
        robot.clickOn("#tool-hold");
        robot.clickOn("#hold-input").write("10.10.0.20\n10.10.0.60-10.10.0.69");
        ListView<?> checks = ConsoleFixture.node(robot, "#hold-checks");
        ConsoleFixture.await("the addresses are checked", () -> checks.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        List<ListCell<?>> cells = robot.lookup("#hold-checks .list-cell")
                .match((ListCell<?> c) -> c.getText() != null).queryAllAs(ListCell.class).stream()
                .map(c -> (ListCell<?>) c).collect(Collectors.toList());
        assertEquals(2, cells.size());
        String range = cells.stream().map(Labeled::getText).filter(t -> t.startsWith("10.10.0.60-")).findFirst()
                .orElseThrow();
        assertTrue(range.length() > 60, "the range's reason is long: " + range);
        cells.forEach(ClippedTextConsoleTest::assertWhole);
        assertFalse(scrollsSideways(checks), "no horizontal scroll bar in the checks");
        robot.clickOn("Close");
    }

    @Test
    void outboundAndTheRuleSummariesFitTheirCells(FxRobot robot) {
        office(robot);
        robot.clickOn(robot.lookup("#navigation .list-cell").match((ListCell<?> c) ->
                c.getText() != null && c.getText().startsWith("Security Groups")).queryAs(Node.class));
        ConsoleFixture.clickCell(robot, "#sg-table", "ssh-from-mgmt");
        console.idle(robot);
        robot.clickOn(robot.lookup("#sg-tabs .tab-label").match((Label l) -> "Rules".equals(l.getText()))
                .queryAs(Node.class));
        console.idle(robot);
        @SuppressWarnings("unchecked")
        ComboBox<Direction> type = (ComboBox<Direction>) robot.lookup("#sg-rules .combo-box")
                .match((ComboBox<?> c) -> c.getValue() instanceof Direction).queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(Direction.OUTBOUND));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled shown = (Labeled) type.lookupAll(".list-cell").stream().filter(n -> n instanceof ListCell<?> c
                && "OUTBOUND".equals(c.getText())).findFirst().orElseThrow(() -> new AssertionError(
                "the Type cell shows OUTBOUND: " + type.lookupAll(".list-cell")));
        assertWhole(shown);
        List<Label> summaries = robot.lookup("#sg-rules .rule-cell-SUMMARY .label")
                .match((Label l) -> l.getText() != null && !l.getText().isEmpty()).queryAllAs(Label.class)
                .stream().collect(Collectors.toList());
        assertFalse(summaries.isEmpty());
        summaries.forEach(ClippedTextConsoleTest::assertWhole);
        // a label wider than its cell is cut by the cell, not by an ellipsis: its Text still holds the whole text
        summaries.forEach(l -> assertTrue(l.getWidth() <= ((javafx.scene.layout.Region) l.getParent()).getWidth(),
                "the summary fits its cell: " + l.getWidth() + " in " + ((javafx.scene.layout.Region) l.getParent())
                        .getWidth()));
        summaries.forEach(l -> assertEquals(l.getText(), l.getTooltip() == null ? "" : l.getTooltip().getText(),
                "the tooltip says it all"));
    }

    @Test
    void theLeasesTableShowsEveryColumnAndTheFreeRangesWrap(FxRobot robot) {
        office(robot);
        ConsoleFixture.tab(robot, "Leases");
        console.idle(robot);
        Parent leases = ConsoleFixture.node(robot, "#lease-table");
        ConsoleFixture.await("the leases are listed", () -> !robot.lookup("#lease-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getText() != null && c.getText().startsWith("02:00:")).queryAll()
                .isEmpty());
        assertFalse(scrollsSideways(leases), "the last column (Name) is in view, not behind a scroll");
        List<TableCell<?, ?>> macs = robot.lookup("#lease-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getText() != null && c.getText().startsWith("02:00:"))
                .queryAllAs(TableCell.class).stream().map(c -> (TableCell<?, ?>) c).collect(Collectors.toList());
        macs.forEach(ClippedTextConsoleTest::assertWhole);
        List<ListCell<?>> free = robot.lookup("#free-ranges .list-cell").match((ListCell<?> c) -> c.getText() != null)
                .queryAllAs(ListCell.class).stream().map(c -> (ListCell<?>) c).collect(Collectors.toList());
        assertFalse(free.isEmpty());
        free.forEach(ClippedTextConsoleTest::assertWhole);
        assertFalse(scrollsSideways(ConsoleFixture.node(robot, "#free-ranges")));
    }
}
