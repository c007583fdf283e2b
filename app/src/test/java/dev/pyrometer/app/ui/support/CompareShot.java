package dev.pyrometer.app.ui.support;

import dev.pyrometer.app.desktop.DesktopRequest;
import dev.pyrometer.app.ui.shell.FxDialogs;
import dev.pyrometer.app.ui.common.FxTaskRunner;
import dev.pyrometer.app.ui.common.FxTicker;
import dev.pyrometer.app.ui.common.UiSettings;
import dev.pyrometer.app.ui.compare.CompareView;
import dev.pyrometer.app.ui.compare.DeltaRow;
import dev.pyrometer.app.ui.picker.SamplerProcessSource;
import dev.pyrometer.app.ui.recording.SamplerTargetService;
import dev.pyrometer.app.ui.session.ModelSessionFiles;
import dev.pyrometer.app.ui.shell.Services;
import dev.pyrometer.app.ui.shell.WorkbenchView;
import dev.pyrometer.app.ui.shell.WorkbenchViewModel;
import dev.pyrometer.model.diff.MatchBy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the comparison of two sessions in the real workbench, selects a function, and writes a PNG of the window:
 * for looking at the comparison view under Xvfb. Arguments: {@code BASE NEW OUT.png FUNCTION [relative|absolute|name]}.
 */
public final class CompareShot extends Application {
    private static List<String> args = List.of();

    public static void main(String[] arguments) {
        args = List.of(arguments);
        Application.launch(CompareShot.class);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Stage[] owner = {stage};
        Services services = new Services(new FxTaskRunner(), new FxTicker(), new SamplerProcessSource(), new SamplerTargetService(),
            new ModelSessionFiles(), new FxDialogs(() -> owner[0]), new UiSettings(Files.createTempDirectory("shot").resolve("ui.properties")),
            Files.createTempDirectory("pyrometer-autosave"));
        WorkbenchViewModel model = new WorkbenchViewModel(services);
        WorkbenchView view = new WorkbenchView(model);
        stage.setScene(new Scene(view.root(), 1600, 1000));
        stage.show();
        model.handle(DesktopRequest.compare(Path.of(args.get(0)), Path.of(args.get(1))));
        String function = args.get(3);
        MatchBy match = args.size() > 4 ? MatchBy.ofOption(args.get(4)) : MatchBy.RELATIVE_PATH;
        new AnimationTimer() {
            private int step;
            private long settledAt;

            @Override
            public void handle(long now) {
                CompareView compare = view.selectedCompareView();
                if (compare == null || compare.model().comparison() == null) return;
                if (step == 0) {
                    compare.model().matchByProperty().set(match);
                    step = 1;
                } else if (step == 1 && compare.model().comparison().pairing().matchBy() == match) {
                    compare.model().table().allRows().stream().filter(r -> r.name().equals(function)).findFirst()
                        .ifPresent((DeltaRow row) -> compare.model().table().select(row));
                    step = 2;
                } else if (step == 2 && compare.model().source().deltas() != null) {
                    settledAt = now;
                    step = 3;
                } else if (step == 3 && now - settledAt > 1_500_000_000L) {
                    stop();
                    write(stage.getScene().snapshot(null), Path.of(args.get(2)));
                    Platform.exit();
                }
            }
        }.start();
    }

    private static void write(WritableImage image, Path out) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) png.setRGB(x, y, pixels.getArgb(x, y));
        try {
            ImageIO.write(png, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
