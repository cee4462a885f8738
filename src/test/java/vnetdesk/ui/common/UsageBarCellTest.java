package vnetdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A usage cell keeps its "used / total" text whole in a narrow column; the bar gives way (issue 13). */
@ExtendWith(ApplicationExtension.class)
class UsageBarCellTest {

    private record Row(long used, long size) {
    }

    @Start
    void start(Stage stage) {
        TableView<Row> table = new TableView<>(FXCollections.observableList(List.of(new Row(4_194_304, 16_777_216))));
        table.setId("usage-table");
        // 190 px: the networks table's Leases column before this fix, where the text was cut to "4194304 / 167…"
        table.getColumns().add(Tables.usage("Leases", 190, r -> (double) r.used() / r.size(),
                r -> r.used() + " / " + r.size()));
        stage.setScene(new Scene(table, 400, 200));
        stage.show();
    }

    @Test
    void theTextIsShownWholeAndTheBarShrinks(FxRobot robot) {
        Label text = robot.lookup("#usage-table .usage-text").queryAs(Label.class);
        assertEquals("4194304 / 16777216", text.getText());
        String drawn = text.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text)
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
        assertEquals(text.getText(), drawn, "not cut with …");
        javafx.scene.control.ProgressBar bar = robot.lookup("#usage-table .progress-bar")
                .queryAs(javafx.scene.control.ProgressBar.class);
        assertTrue(bar.getWidth() < 70 && bar.getWidth() >= 12, "the bar gave way: " + bar.getWidth());
        assertEquals(text.getText(), text.getParent().getParent() instanceof UsageBarCell<?> c
                ? c.getTooltip().getText() : "", "the tooltip repeats the text");
    }
}
