package vnetdesk.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import vnetdesk.model.Actor;
import vnetdesk.service.Inventory;
import vnetdesk.ui.common.FxDialogs;
import vnetdesk.ui.common.FxTaskRunner;
import vnetdesk.ui.common.OwnedObjectActions;
import vnetdesk.ui.network.NetworkDetailView;

/** The console benchmarks' ways onto the FX thread: run there and wait, let a pulse pass, wait for a condition, show a network. */
final class FxBench {

    private FxBench() {
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    static void onFxRun(Runnable work) throws Exception {
        onFx(() -> {
            work.run();
            return null;
        });
    }

    /** Lets the FX thread run a pulse (layout and paint) after what was queued. */
    static void pulse() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> Platform.runLater(done::countDown));
        done.await(30, TimeUnit.SECONDS);
    }

    /** The network detail view in a shown 1200 × 800 window, with its runner. */
    record DetailWindow(NetworkDetailView view, FxTaskRunner runner, Stage stage) {
    }

    /** Starts the toolkit and shows a network detail view with tab number {@code tab} selected. */
    static DetailWindow detailView(Inventory inv, Actor actor, int tab) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskRunner runner = onFx(FxTaskRunner::new);
        Stage stage = onFx(Stage::new);
        NetworkDetailView view = onFx(() -> {
            FxDialogs dialogs = new FxDialogs(stage);
            OwnedObjectActions actions = new OwnedObjectActions(inv.networks(), inv.users(), actor, runner, dialogs,
                    new OwnedObjectActions.Followup(id -> { }, id -> { }, () -> { }));
            NetworkDetailView d = new NetworkDetailView(inv, actor, runner, dialogs, actions, id -> { }, () -> { });
            stage.setScene(new Scene(d.node(), 1200, 800));
            stage.show();
            ((TabPane) d.node().lookup("#network-tabs")).getSelectionModel().select(tab);
            return d;
        });
        return new DetailWindow(view, runner, stage);
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(1);
        }
    }
}
