package vnetdesk.ui.secgroup;

import java.util.List;
import java.util.function.Function;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

import vnetdesk.ui.common.FullText;

/**
 * The cells of the rules table. Each shows a control bound straight to its
 * {@link RuleRow} (no separate edit mode, so nothing typed is lost when the
 * focus moves) and marks itself with {@value #ERROR} and a tooltip while the
 * row's error is about its column.
 */
final class RuleCells {

    /** Style class of a cell (and its control) whose value the model refused. */
    static final String ERROR = "cell-error";

    private RuleCells() {
    }

    /** A cell bound to the row it shows; subclasses say which control and how it binds. */
    private abstract static class BoundCell extends TableCell<RuleRow, RuleRow> {

        private final String column;
        private final InvalidationListener mark = o -> mark();
        private RuleRow bound;

        BoundCell(String column) {
            this.column = column;
            getStyleClass().add("rule-cell-" + (column.isEmpty() ? "SUMMARY" : column));
        }

        abstract Control control();

        abstract void bind(RuleRow row);

        abstract void unbind(RuleRow row);

        @Override
        protected void updateItem(RuleRow row, boolean empty) {
            super.updateItem(row, empty);
            RuleRow now = empty ? null : row;
            if (now != bound) {
                if (bound != null) {
                    unbind(bound);
                    List.of(bound.errorProperty(), bound.errorColumnProperty(), bound.protocolProperty())
                            .forEach(p -> p.removeListener(mark));
                }
                bound = now;
                if (now != null) {
                    bind(now);
                    List.of(now.errorProperty(), now.errorColumnProperty(), now.protocolProperty())
                            .forEach(p -> p.addListener(mark));
                }
            }
            setText(null);
            setGraphic(now == null ? null : control());
            mark();
        }

        /** The refusal as the control's tooltip while it is refused. */
        void tooltip(boolean bad) {
            control().setTooltip(bad ? new Tooltip(bound.errorProperty().get()) : null);
        }

        /** Whether the row's error is about this cell's column. */
        boolean refused(RuleRow row) {
            return !row.errorProperty().get().isEmpty() && column.equals(row.errorColumnProperty().get());
        }

        private void mark() {
            boolean bad = bound != null && refused(bound);
            for (Node n : List.of(this, control())) {
                if (bad && !n.getStyleClass().contains(ERROR)) {
                    n.getStyleClass().add(ERROR);
                } else if (!bad) {
                    n.getStyleClass().remove(ERROR);
                }
            }
            tooltip(bad);
            control().setDisable(bound != null && !bound.applies(column));
        }
    }

    /** A text cell of one rule attribute (IP, SIZE, NETWORK_ID, RANGE, ICMP type). */
    static TableCell<RuleRow, RuleRow> text(String column, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
        return new BoundCell(column) {
            @Override
            Control control() {
                return field;
            }

            @Override
            void bind(RuleRow row) {
                field.textProperty().bindBidirectional(row.text(column));
            }

            @Override
            void unbind(RuleRow row) {
                field.textProperty().unbindBidirectional(row.text(column));
            }
        };
    }

    /** A choice cell of PROTOCOL or RULE_TYPE. */
    static <E> TableCell<RuleRow, RuleRow> choice(String column, E[] values,
                                                   Function<RuleRow, ObjectProperty<E>> property) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setMaxWidth(Double.MAX_VALUE);
        return new BoundCell(column) {
            @Override
            Control control() {
                return box;
            }

            @Override
            void bind(RuleRow row) {
                box.valueProperty().bindBidirectional(property.apply(row));
            }

            @Override
            void unbind(RuleRow row) {
                box.valueProperty().unbindBidirectional(property.apply(row));
            }
        };
    }

    /** The read-only summary: the rule in words, or the error of the row. */
    static TableCell<RuleRow, RuleRow> summary() {
        Label label = new Label();
        label.setWrapText(true);
        // a summary longer than the row's lines is still read whole
        label.textProperty().addListener((o, was, now) -> FullText.tooltip(label, now));
        BoundCell cell = new BoundCell(RuleRow.WHOLE_ROW) {
            @Override
            void tooltip(boolean bad) {
                // the tooltip repeats the text, which is the error while the row is refused
            }

            @Override
            Control control() {
                return label;
            }

            @Override
            boolean refused(RuleRow row) {
                return !row.errorProperty().get().isEmpty();
            }

            @Override
            void bind(RuleRow row) {
                label.textProperty().bind(row.summaryProperty());
            }

            @Override
            void unbind(RuleRow row) {
                label.textProperty().unbind();
            }
        };
        // a cell lays its graphic out at the graphic's preferred size, which for wrapping text is one line:
        // the label asks for the whole cell instead (less the cell's padding, 1 2 1 2 in the stylesheet), and
        // wraps on the row's two lines
        label.setMinSize(0, 0);
        label.prefWidthProperty().bind(cell.widthProperty().subtract(4));
        label.prefHeightProperty().bind(cell.heightProperty().subtract(2));
        return cell;
    }
}
