package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.session.WorkspaceView;
import dev.pyrometer.app.ui.shell.FxDialogs;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of the workbench for looking at it under Xvfb: opens a session (a real file, or a demo profile by
 * name), runs a few steps a user would take, and writes a PNG of the window after each. Run with the test class path:
 * {@code xvfb-run -s "-screen 0 1600x1000x24" java -cp … dev.pyrometer.app.ui.support.Shots OUT_DIR FILE|deep|cpu
 * [step…]}; steps: {@code search=TEXT}, {@code enter}, {@code sandwich}, {@code select=FUNCTION}, {@code dark},
 * {@code shot=NAME}, {@code collapse}, {@code leftheavy}, {@code minimap=FRACTION}, {@code timeline=FRACTION} (the
 * timeline's share of the height), {@code fold=PROCESS} (folds a process's header on the timeline).
 */
public final class Shots extends Application {
    private static List<String> args = List.of();

    public static void main(String[] arguments) {
        args = List.of(arguments);
        Application.launch(Shots.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        Path out = Path.of(args.getFirst());
        Files.createDirectories(out);
        MemorySessionFiles memory = new MemorySessionFiles();
        String what = args.get(1);
        Path file = switch (what) {
            case "deep" -> {
                memory.files.put(Path.of("/tmp/deep_demo.pyro"), DemoProfiles.deepDemo(20_000, 200));
                yield Path.of("/tmp/deep_demo.pyro");
            }
            case "cpu" -> {
                memory.files.put(Path.of("/tmp/cpu_demo.pyro"), DemoProfiles.cpuDemo(20_000, true));
                yield Path.of("/tmp/cpu_demo.pyro");
            }
            case "three" -> {
                memory.files.put(Path.of("/tmp/three_callers.pyro"), DemoProfiles.threeCallers());
                yield Path.of("/tmp/three_callers.pyro");
            }
            default -> Path.of(what);
        };
        ModelSessionFiles real = new ModelSessionFiles();
        dev.pyrometer.app.ui.session.SessionFiles files = new dev.pyrometer.app.ui.session.SessionFiles() {
            @Override
            public Opened open(Path f, dev.pyrometer.model.Progress p, java.util.function.BooleanSupplier c) {
                return memory.files.containsKey(f) ? memory.open(f, p, c) : real.open(f, p, c);
            }

            @Override
            public void save(dev.pyrometer.model.Profile profile, Path f, dev.pyrometer.model.Progress p, java.util.function.BooleanSupplier c) {
                real.save(profile, f, p, c);
            }

            @Override
            public Autosave autosave(dev.pyrometer.model.Profile profile, Path f) {
                return memory.autosave(profile, f);
            }
        };
        Stage[] owner = {stage};
        Services services = new Services(new FxTaskRunner(), new FxTicker(), List::of, new DemoApp.LiveTargets(), files,
            new FxDialogs(() -> owner[0]), UiSettings.inMemory(), Files.createTempDirectory("pyrometer-shots"));
        WorkbenchViewModel model = new WorkbenchViewModel(services);
        WorkbenchView view = new WorkbenchView(model);
        stage.setTitle("Pyrometer");
        stage.setScene(new Scene(view.root(), 1560, 960));
        stage.show();
        List<String> steps = new ArrayList<>(args.subList(2, args.size()));
        Thread driver = new Thread(() -> drive(view, model, file, out, steps), "shots");
        driver.setDaemon(true);
        driver.start();
    }

    private static void drive(WorkbenchView view, WorkbenchViewModel model, Path file, Path out, List<String> steps) {
        try {
            fx(() -> model.open(List.of(file)));
            await(() -> view.selectedView() != null && view.selectedView().model().flame().scene() != null);
            settle();
            WorkspaceView w = onFx(view::selectedView);
            for (String step : steps) {
                String[] kv = step.split("=", 2);
                String value = kv.length > 1 ? kv[1] : "";
                switch (kv[0]) {
                    case "search" -> fx(() -> w.model().flame().searchProperty().set(value));
                    case "enter" -> fx(() -> w.model().flame().nextMatch());
                    case "sandwich" -> fx(w::showSandwich);
                    case "dark" -> fx(() -> model.darkProperty().set(true));
                    case "collapse" -> fx(() -> w.model().flame().collapseDeepRecursion());
                    case "leftheavy" -> fx(() -> w.model().flame().leftHeavyProperty().set(true));
                    case "minimap" -> fx(() -> {
                        var map = w.flame().minimap();
                        w.model().flame().centreOn(map.depthAt(map.getHeight() * Double.parseDouble(value)));
                    });
                    case "timeline" -> fx(() -> {
                        for (var node : w.lookupAll(".split-pane")) {
                            if (node instanceof javafx.scene.control.SplitPane split && split.getItems().contains(w.timeline())) {
                                split.setDividerPositions(Double.parseDouble(value));
                            }
                        }
                    });
                    case "fold" -> fx(() -> w.model().timeline().toggleCollapsed(Integer.parseInt(value)));
                    case "select" -> fx(() -> {
                        var hot = w.model().hotFunctions();
                        hot.rows().stream().filter(r -> r.name().equals(value)).findFirst().ifPresent(hot::select);
                    });
                    case "reach" -> reach(w, Integer.parseInt(value));
                    case "shot" -> {
                        settle();
                        save(onFx(() -> view.root().getScene().snapshot(null)), out.resolve(value + ".png"));
                        System.out.println("wrote " + out.resolve(value + ".png"));
                    }
                    default -> throw new IllegalArgumentException("unknown step " + step);
                }
                settle();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
        }
    }

    /**
     * For the {@code count} functions with the most self time, how many actions reach each in the flame graph:
     * one click on its hot-functions row (the graph scrolls to it), or click the search field, type, Enter. A frame
     * counts as reached when a drawn occurrence of it is on screen and at least 3 pixels wide.
     */
    private static void reach(WorkspaceView w, int count) throws InterruptedException {
        var hot = w.model().hotFunctions();
        List<dev.pyrometer.app.ui.calltree.FrameRow> rows = onFx(() -> new ArrayList<>(hot.rows().stream()
            .sorted((a, b) -> Integer.compare(b.self(), a.self())).limit(count).toList()));
        var flame = w.model().flame();
        List<Boolean> atOpen = new ArrayList<>();
        for (var row : rows) atOpen.add(onFx(() -> visible(w, row.name())));
        System.out.println("function | self | on screen at open | after 1 click on its row | after search + Enter (3 actions)");
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            // From the root's end of the graph, the place furthest from most frames, so the click has to move it.
            fx(() -> flame.scrollTo(0));
            fx(() -> hot.select(row));
            settle();
            boolean byRow = onFx(() -> visible(w, row.name()));
            fx(() -> flame.resetZoom());
            fx(() -> flame.scrollTo(flame.maxScrollProperty().get()));
            fx(() -> flame.searchProperty().set(row.name()));
            settle();
            fx(flame::nextMatch);
            settle();
            boolean bySearch = onFx(() -> visible(w, row.name()));
            System.out.printf("%s | %s | %s | %s | %s%n", row.name() + " " + row.location(), dev.pyrometer.app.ui.common.Formats.percent(row.selfShare()),
                atOpen.get(r) ? "yes" : "-", byRow ? "yes" : "no", bySearch ? "yes" : "no");
            fx(() -> flame.searchProperty().set(""));
            fx(() -> flame.resetZoom());
            settle();
        }
    }

    /** Whether some drawn frame of this function is on the canvas and at least 3 pixels wide. */
    private static boolean visible(WorkspaceView w, String function) {
        var scene = w.model().flame().scene();
        var geo = w.flame().canvas().geometry();
        var layout = scene.layout();
        for (int i = 0; i < scene.size(); i++) {
            int key = scene.keyOf(i);
            if (key < 0 || !function.equals(layout.tree().keys().function(key))) continue;
            double top = geo.rowTop(layout.depth(i));
            double left = Math.max(scene.zoomX(), layout.x(i)), right = Math.min(scene.zoomX() + scene.zoomWidth(), layout.x(i) + layout.width(i));
            if (top >= 0 && top + geo.rowHeight() <= geo.height() && (right - left) * geo.scale(scene) >= 3) return true;
        }
        return false;
    }

    /** Lets background layouts land and a few pulses paint them. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 8; i++) {
            Thread.sleep(150);
            fx(() -> { });
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            Thread.sleep(100);
        }
    }

    private static void fx(Runnable action) throws InterruptedException {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws InterruptedException {
        Object[] result = new Object[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result[0] = action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                done.countDown();
            }
        });
        done.await();
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static void save(WritableImage image, Path file) throws java.io.IOException {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) buffered.setRGB(x, y, pixels.getArgb(x, y));
        ImageIO.write(buffered, "png", file.toFile());
    }
}
