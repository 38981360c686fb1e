package dev.levelgym.cli;

import dev.levelgym.demo.Demo;
import dev.levelgym.demo.DemoMode;
import dev.levelgym.demo.DemoResult;
import dev.levelgym.demo.DemoSettings;
import dev.levelgym.demo.KeyScript;
import dev.levelgym.demo.model.DeckGenerators;
import dev.levelgym.demo.studio.StudioSetup;
import dev.levelgym.demo.studio.StudioWorld;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.GeneratorSettings;
import dev.levelgym.generators.Generators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Opens the level studio (the demo's window, on its studio screen): edit a level file or a new one, with the live
 * check, repair, VAE or GAN variations and play-tests. With --frames it runs a script of keys, clicks and drags, takes a
 * screenshot and exits, printing one JSON line (for CI and reviewers).
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Edit, check, repair, vary and play-test Dungeon and platformer levels in a window.",
                "Prints one JSON line at the end: {\"mode\": \"studio\", \"world\", \"playable\", \"solutionLength\", "
                        + "\"edits\", \"saved\", \"meanFrameMillis\"}."})
final class StudioCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The level to edit: opened if it exists (level "
            + "text, or a Tiled .tmx map for the Dungeon), else a new level that Ctrl+S saves there.")
    private Path file;

    @Option(names = "--world", paramLabel = "WORLD", defaultValue = "dungeon",
            description = "dungeon, platformer (Platformer-v1's rules) or platformer-v0 (v0's fixed jump) "
                    + "(default ${DEFAULT-VALUE}).")
    private String world;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "An agent from levelgym train (Dungeon-v0, "
            + "Platformer-v1 or Platformer-v0; a platformer agent plays under its own version's rules) for Shift+K's "
            + "play-tests.")
    private Path checkpoint;

    @Option(names = "--runs", paramLabel = "K", defaultValue = "" + StudioSetup.DEFAULT_RUNS,
            description = "Runs per play-test (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--target", paramLabel = "SPEC", description = "Targets to switch on, as generate --target takes "
            + "them, e.g. solutionLength=20..30,enemies=2..4 (Dungeon) or jumps=4..8,completion=1 (platformer).")
    private String target;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seeds play-tests (run i: S + i), variations and play mode (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--script", paramLabel = "EVENTS", defaultValue = "",
            description = "Input to feed, comma-separated: key names (CTRL+S, SHIFT+1), CLICK:x:y, RCLICK:x:y, "
                    + "DRAG:x1:y1:x2:y2 (SHIFT+DRAG fills a rectangle), TYPE:text, WAIT.")
    private String script;

    @Option(names = "--frames-per-key", paramLabel = "K", defaultValue = "" + KeyScript.DEFAULT_FRAMES_PER_KEY,
            description = "Frames between scripted events (default ${DEFAULT-VALUE}).")
    private int framesPerKey;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "0",
            description = "Run N frames, then exit; 0 runs until the window closes.")
    private long frames;

    @Option(names = "--screenshot", paramLabel = "OUT.png", description = "Write the last frame as a PNG "
            + "(needs --frames).")
    private Path screenshot;

    @Option(names = "--force", description = "Overwrite an existing --screenshot file.")
    private boolean force;

    @Option(names = "--save-dir", paramLabel = "DIR", defaultValue = "saved-levels",
            description = "Where Ctrl+S saves while playing the level (P) (default ${DEFAULT-VALUE}).")
    private Path saveDir;

    @Option(names = "--gan", paramLabel = "DIR", description = "Dungeon GAN for variations (default: "
            + PlayCommand.DEFAULT_GAN + " when that folder exists here).")
    private Path gan;

    @Option(names = "--platformer-gan", paramLabel = "DIR", description = "Platformer GAN for variations (default: "
            + PlayCommand.DEFAULT_PLATFORMER_GAN + " when that folder exists here).")
    private Path platformerGan;

    @Option(names = "--vae", paramLabel = "DIR", description = "A VAE model (vae train) for variations of its world; "
            + "repeat for both worlds. A world's VAE is used before its GAN (default: "
            + StudioGenerators.DEFAULT_VAE + " and " + StudioGenerators.DEFAULT_PLATFORMER_VAE
            + " when those folders exist here and no --gan, --platformer-gan or --vae is given).")
    private List<Path> vaes = List.of();

    @Override
    public Integer call() {
        if (screenshot != null && Files.exists(screenshot) && !force) {
            throw new UserInputException("--screenshot " + screenshot + " exists; pass --force to overwrite it");
        }
        if (file != null && Files.isDirectory(file)) {
            throw new UserInputException("FILE " + file + " is a folder; name a level file");
        }
        DemoSettings settings = new DemoSettings(DemoMode.STUDIO, Optional.ofNullable(file), seed,
                Optional.ofNullable(checkpoint), KeyScript.parse(script, framesPerKey), frames,
                Optional.ofNullable(screenshot), saveDir, DemoSettings.DEFAULT_WIDTH, DemoSettings.DEFAULT_HEIGHT);
        StudioWorld studioWorld = StudioWorld.of(world);
        // The GANs open through the registry as in play: their variations for the studio, and their levels for the
        // play modes of the demo's menu, which ESC leads to.
        // The VAEs are opened for variations only: the decks stay what play opens.
        try (DeckGenerators decks = Flags.naming(() -> DeckGenerators.open(Generators.installed(),
                PlayCommand.ganRequests(gan, platformerGan), GeneratorSettings.DEFAULT));
             StudioGenerators.Vaes opened = StudioGenerators.openVaes(vaes, gan != null || platformerGan != null)) {
            StudioSetup setup = new StudioSetup(studioWorld, Optional.ofNullable(file), Optional.ofNullable(target),
                    StudioGenerators.variations(decks, opened), runs);
            DemoResult result = Demo.run(settings, decks.dungeon(), decks.platformer(), setup);
            spec.commandLine().getOut().println(result.toJson());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
