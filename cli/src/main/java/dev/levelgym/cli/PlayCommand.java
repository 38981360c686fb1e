package dev.levelgym.cli;

import dev.levelgym.demo.Demo;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.DemoResult;
import dev.levelgym.demo.DemoSettings;
import dev.levelgym.demo.KeyScript;
import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.studio.StudioSetup;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import dev.levelgym.generators.TileWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Opens the LibGDX demo; with --frames it runs a script, takes a screenshot and exits (for CI and reviewers). */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play the Dungeon or the platformer, watch an agent or the solver, or balance CartPole in a "
                + "window.",
                "Prints one JSON line at the end: {\"mode\", \"result\", \"steps\", \"score\", \"meanFrameMillis\"}."})
final class PlayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "menu",
            description = "menu, play, watch, cartpole, platformer or platformer-watch (default "
                    + "${DEFAULT-VALUE}).")
    private String mode;

    @Option(names = "--level", paramLabel = "FILE", description = "A level file to play instead of a generated one: "
            + "a VGLC Super Mario Bros file in the platformer modes, a Dungeon level otherwise.")
    private Path level;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "First generated level's seed, and every episode's env seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Agent for watch mode (Dungeon-v0), "
            + "platformer-watch mode (Platformer-v1 or -v0) or cartpole mode (CartPole-v1), from levelgym train; without one "
            + "watch mode shows a random agent and platformer-watch the solver.")
    private Path checkpoint;

    @Option(names = "--script", paramLabel = "KEYS", defaultValue = "",
            description = "Key presses to feed, comma-separated LibGDX key names, e.g. RIGHT,RIGHT,SPACE,WAIT.")
    private String script;

    @Option(names = "--frames-per-key", paramLabel = "K", defaultValue = "" + KeyScript.DEFAULT_FRAMES_PER_KEY,
            description = "Frames between scripted keys; the first is pressed at frame K (default ${DEFAULT-VALUE}: "
                    + "one Dungeon or platformer tick at 60 fps; 4 gives the platformer two keys a tick, e.g. UP,RIGHT "
                    + "for a jump-right).")
    private int framesPerKey;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Run N frames (each advances the game 1/60 s), then exit; 0 runs until the window closes.")
    private long frames;

    @Option(names = "--screenshot", paramLabel = "OUT.png", description = "Write the last frame as a PNG "
            + "(needs --frames).")
    private Path screenshot;

    @Option(names = "--force", description = "Overwrite an existing --screenshot file.")
    private boolean force;

    @Option(names = "--save-dir", paramLabel = "DIR", defaultValue = "saved-levels",
            description = "Where Ctrl+S (S in watch mode) saves levels (default ${DEFAULT-VALUE}).")
    private Path saveDir;

    @Option(names = "--gan", paramLabel = "DIR",
            description = "A trained GAN model (levelgym gan train) to draw new levels from first (default: "
                    + DEFAULT_GAN + " when that folder exists here, as in a clone).")
    private Path gan;

    @Option(names = "--platformer-gan", paramLabel = "DIR",
            description = "A platformer GAN model (gan train --world platformer) whose stitched levels N and G offer "
                    + "first in the platformer modes (default: " + DEFAULT_PLATFORMER_GAN + " when that folder "
                    + "exists here).")
    private Path platformerGan;

    @Option(names = "--generator", paramLabel = "SPEC", split = ",",
            description = "More generators the decks draw new levels from first, after the GANs, each in the deck of "
                    + "its world, e.g. gan:MODEL_DIR (installed ones that need no argument are always there).")
    private List<String> extraGenerators = List.of();

    /** The models bundled with the sources, so a clone plays GAN levels without training one first. */
    static final String DEFAULT_GAN = "examples/gan-dungeon";
    static final String DEFAULT_PLATFORMER_GAN = "examples/gan-platformer";
    /** What {@code --gan DIR} and {@code --platformer-gan DIR} ask for: the generator {@code gan:DIR}. */
    private static final String GAN = "gan:";

    @Override
    public Integer call() {
        if (screenshot != null && Files.exists(screenshot) && !force) {
            throw new UserInputException("--screenshot " + screenshot + " exists; pass --force to overwrite it");
        }
        DemoSettings settings = new DemoSettings(DemoMode.parse(mode), Optional.ofNullable(level), seed,
                Optional.ofNullable(checkpoint), KeyScript.parse(script, framesPerKey), frames,
                Optional.ofNullable(screenshot), saveDir, DemoSettings.DEFAULT_WIDTH, DemoSettings.DEFAULT_HEIGHT);
        List<DeckGenerators.Request> requests = new ArrayList<>(ganRequests(gan, platformerGan));
        extraGenerators.forEach(spec -> requests.add(new DeckGenerators.Request(spec, Optional.empty())));
        try (DeckGenerators decks = Flags.naming(() -> DeckGenerators.open(Generators.installed(), requests,
                GeneratorSettings.DEFAULT))) {
            DemoResult result = Demo.run(settings, decks.dungeon(), decks.platformer(), StudioSetup.defaults()
                    .withVariations(StudioGenerators.variations(decks, StudioGenerators.Vaes.none())));
            spec.commandLine().getOut().println(result.toJson());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /**
     * The GANs {@code --gan} and {@code --platformer-gan} ask for (either may be null: then the bundled model when its
     * folder exists here), as requests to the decks; the studio opens the same.
     */
    static List<DeckGenerators.Request> ganRequests(Path gan, Path platformerGan) {
        List<DeckGenerators.Request> requests = new ArrayList<>();
        orDefault(gan, DEFAULT_GAN).ifPresent(dir -> requests.add(
                new DeckGenerators.Request(GAN + dir, Optional.of(TileWorld.DUNGEON))));
        orDefault(platformerGan, DEFAULT_PLATFORMER_GAN).ifPresent(dir -> requests.add(
                new DeckGenerators.Request(GAN + dir, Optional.of(TileWorld.PLATFORMER))));
        return requests;
    }

    private static Optional<Path> orDefault(Path given, String bundled) {
        return given != null ? Optional.of(given)
                : Files.isDirectory(Path.of(bundled)) ? Optional.of(Path.of(bundled)) : Optional.empty();
    }
}
