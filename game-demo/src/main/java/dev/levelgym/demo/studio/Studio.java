package dev.levelgym.demo.studio;

import dev.levelgym.demo.model.Pilot;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.generators.search.LevelVariations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The level studio's model: the level being edited and its history, the live check, the designer's targets,
 * repair, variations, play-tests, and the files. No GL: the screen turns input into these calls and the view draws
 * what they leave.
 *
 * <p>Every edit (a paint stroke, a fill, a repair, a chosen variation) is one undoable step; opening a file or
 * making a new level starts a new history. The live check runs again whenever the level has changed since it
 * last ran, at most once a frame, so a drag across twenty cells checks once.
 *
 * <p>Files are never replaced without a yes: saving over an existing file asks first, unless the file still
 * holds exactly what this session last wrote there. Leaving, opening or making a level with unsaved edits asks
 * too.
 */
public final class Studio implements AutoCloseable {

    /** Variations shown at once. */
    public static final int VARIATIONS = 4;
    /** Variations asked of the source, of which those meeting the targets (then the nearest) are shown. */
    static final int CANDIDATES = 12;

    private final StudioSetup setup;
    private final StudioJobs jobs;
    private final Function<String, Pilot> pilots;
    private final long seed;
    private final EditHistory history = new EditHistory();

    /** The platformer world W switches to: the setup's, so a v0 session stays under v0's rules. */
    private final PlatformerStudioWorld platformerWorld;
    private StudioWorld world;
    private TargetControls targets;
    private EditGrid grid;
    private Optional<Path> file = Optional.empty();
    /** The level as last opened, made or saved, for the unsaved-edits check. */
    private String cleanText;
    /** The file this session last wrote and what it wrote there: replacing that needs no question. */
    private Path writtenPath;
    private String writtenText;
    private Optional<Path> lastSaved = Optional.empty();

    private int cursorX;
    private int cursorY;
    private int selected;
    private int anchor = -1;
    private EditGrid strokeBefore;
    private String strokeLabel;
    private int[] highlighted = new int[0];

    private long version;
    private long checkedVersion = -1;
    private LiveCheck check;
    private Optional<Prompt> prompt = Optional.empty();
    private String message = "";
    private String busy = "";

    private List<VariationChoice> variations = List.of();
    private long variationsVersion = -1;
    private PlaytestReport playtest;
    private long playtestVersion = -1;

    /**
     * A level near the edited one, ready to pick.
     *
     * @param grid         the level
     * @param distance     cells differing from the edited level when it was searched
     * @param playable     whether the solver wins it
     * @param meetsTargets whether it meets the targets switched on at the time
     */
    public record VariationChoice(EditGrid grid, int distance, boolean playable, boolean meetsTargets) {
    }

    /**
     * @param pilots the checkpointed agent for an env id, or null when there is none
     * @throws UserInputException when the setup's file cannot be opened, or its targets do not parse
     */
    public Studio(StudioSetup setup, StudioJobs jobs, Function<String, Pilot> pilots, long seed) {
        this.setup = setup;
        this.jobs = jobs;
        this.pilots = pilots;
        this.seed = seed;
        this.world = setup.world();
        this.platformerWorld = world instanceof PlatformerStudioWorld p ? p : StudioWorld.PLATFORMER;
        this.targets = new TargetControls(world.targetRows());
        setup.targets().ifPresent(spec -> targets.set(world.parseTargets(spec)));
        Optional<Path> start = setup.file();
        if (start.isPresent() && Files.exists(start.get())) {
            load(read(start.get()), start);
        } else {
            load(world.blank(world.defaultWidth(), world.defaultHeight()), start);
        }
    }

    private EditGrid read(Path path) {
        try {
            return StudioFiles.read(world, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** A new document: the grid, its file, a fresh history. */
    private void load(EditGrid g, Optional<Path> path) {
        grid = g;
        file = path;
        cleanText = g.text();
        history.clear();
        cursorX = Math.min(cursorX, g.width() - 1);
        cursorY = Math.min(cursorY, g.height() - 1);
        anchor = -1;
        changed(new int[0]);
        variations = List.of();
    }

    // ---- what the view shows ----

    public StudioWorld world() {
        return world;
    }

    public EditGrid grid() {
        return grid;
    }

    public Optional<Path> file() {
        return file;
    }

    /** True when the level differs from what was last opened, made or saved. */
    public boolean dirty() {
        return !grid.text().equals(cleanText);
    }

    /** Undoable edits standing: what the result line reports as {@code edits}. */
    public int edits() {
        return history.undoable();
    }

    public int cursorX() {
        return cursorX;
    }

    public int cursorY() {
        return cursorY;
    }

    /** The rectangle corner R set, as a cell index; -1 when none. */
    public int anchor() {
        return anchor;
    }

    /** The palette index of the tile painting puts down. */
    public int selected() {
        return selected;
    }

    public char tile() {
        return world.palette().charAt(selected);
    }

    /** Cells the last repair, variation, undo or redo changed, drawn outlined until the next edit. */
    public int[] highlighted() {
        return highlighted.clone();
    }

    public TargetControls targets() {
        return targets;
    }

    public Optional<Prompt> prompt() {
        return prompt;
    }

    /** The last thing the studio said (saved, repaired, an error). */
    public String message() {
        return message;
    }

    /** Says something in the status line. */
    public void note(String said) {
        message = said;
    }

    /** What is running in the background, empty when nothing. */
    public String busy() {
        return jobs.pending() > 0 ? busy : "";
    }

    /** The variations found for the level as it was searched; empty when none were asked for or the level changed. */
    public List<VariationChoice> variations() {
        return variations;
    }

    /** The last play-test, while the level is still the one it tested. */
    public Optional<PlaytestReport> playtest() {
        return playtestVersion == version ? Optional.ofNullable(playtest) : Optional.empty();
    }

    /** The live check of the level as it stands (run now if the level changed since the last one). */
    public LiveCheck check() {
        if (checkedVersion != version) {
            check = world.check(grid, targets);
            checkedVersion = version;
            if (check.pending()) {
                long v = version;
                EditGrid snapshot = grid.copy();
                LiveCheck quick = check;
                busy = "checking the enemies";
                jobs.submit(() -> world.refine(snapshot, quick), refined -> {
                    if (v == checkedVersion && refined.isPresent()) {
                        check = refined.get();
                    }
                }, e -> message = "enemy-aware check failed: " + e.getMessage());
            }
        }
        return check;
    }

    /** The session as the result line reports it. */
    public StudioReport report() {
        jobs.poll();
        LiveCheck c = check();
        OptionalInt length = c.verdict().filter(LiveCheck.Verdict::playable)
                .map(v -> OptionalInt.of(v.solutionLength())).orElse(OptionalInt.empty());
        return new StudioReport(world.label(), c.playable(), length, edits(), lastSaved);
    }

    /** Applies finished background work; call once a frame. */
    public void update() {
        jobs.poll();
    }

    // ---- editing ----

    private void changed(int[] highlight) {
        version++;
        highlighted = highlight;
    }

    /** Picks the palette's {@code index}-th tile (ignored past the palette's end). */
    public void select(int index) {
        if (index >= 0 && index < world.palette().length()) {
            selected = index;
        }
    }

    /** Moves the palette selection by {@code delta}, wrapping round. */
    public void cycleTile(int delta) {
        selected = Math.floorMod(selected + delta, world.palette().length());
    }

    /** Starts a stroke: the cells it paints until {@link #endStroke()} are one undoable step. */
    public void beginStroke(boolean erase) {
        endStroke();
        strokeBefore = grid.copy();
        strokeLabel = erase ? "erase" : "paint";
    }

    /** Paints (or erases) a cell as part of the stroke; cells outside the level are ignored. */
    public void strokeAt(int x, int y, boolean erase) {
        if (!grid.inside(x, y)) {
            return;
        }
        if (strokeBefore == null) {
            beginStroke(erase);
        }
        cursorX = x;
        cursorY = y;
        char tile = erase ? world.eraser() : tile();
        if (grid.get(x, y) != tile) {
            grid.set(x, y, tile);
            changed(new int[0]);
        }
    }

    /** Ends the stroke, recording it if it changed anything. */
    public void endStroke() {
        if (strokeBefore != null) {
            record(strokeLabel, strokeBefore);
            strokeBefore = null;
        }
    }

    private void record(String label, EditGrid before) {
        if (!grid.equals(before)) {
            history.push(new EditHistory.Step(label, before, grid.copy()));
            message = "";
        }
    }

    /** Fills the rectangle between two corners (inclusive, clipped to the level) as one step. */
    public void fill(int x1, int y1, int x2, int y2, boolean erase) {
        endStroke();
        EditGrid before = grid.copy();
        char tile = erase ? world.eraser() : tile();
        for (int y = Math.max(0, Math.min(y1, y2)); y <= Math.min(grid.height() - 1, Math.max(y1, y2)); y++) {
            for (int x = Math.max(0, Math.min(x1, x2)); x <= Math.min(grid.width() - 1, Math.max(x1, x2)); x++) {
                grid.set(x, y, tile);
            }
        }
        if (!grid.equals(before)) {
            changed(new int[0]);
            record(erase ? "erase rectangle" : "fill", before);
        }
    }

    public void moveCursor(int dx, int dy) {
        cursorX = Math.max(0, Math.min(grid.width() - 1, cursorX + dx));
        cursorY = Math.max(0, Math.min(grid.height() - 1, cursorY + dy));
    }

    /** Paints (or erases) the cursor's cell as one step. */
    public void paintCursor(boolean erase) {
        beginStroke(erase);
        strokeAt(cursorX, cursorY, erase);
        endStroke();
    }

    /** R: the first press marks a corner at the cursor, the second fills from there to the cursor. */
    public void rectangleCorner() {
        if (anchor < 0) {
            anchor = cursorY * grid.width() + cursorX;
            message = "rectangle from (" + cursorX + ", " + cursorY + "): move, then R to fill, ESC to cancel";
        } else {
            int a = anchor;
            anchor = -1;
            message = "";
            fill(a % grid.width(), a / grid.width(), cursorX, cursorY, false);
        }
    }

    /** Cancels a half-made rectangle; true if there was one. */
    public boolean cancelRectangle() {
        boolean had = anchor >= 0;
        anchor = -1;
        if (had) {
            message = "";
        }
        return had;
    }

    public void undo() {
        endStroke();
        history.undo().ifPresentOrElse(s -> show(s.before(), s.after(), "undid " + s.label()),
                () -> message = "nothing to undo");
    }

    public void redo() {
        endStroke();
        history.redo().ifPresentOrElse(s -> show(s.after(), s.before(), "redid " + s.label()),
                () -> message = "nothing to redo");
    }

    private void show(EditGrid next, EditGrid from, String said) {
        grid = next.copy();
        moveCursor(0, 0);
        anchor = -1;
        changed(next.width() == from.width() && next.height() == from.height() ? next.changedFrom(from) : new int[0]);
        message = said;
    }

    /** Puts a whole new grid in as one undoable step (repair, a variation), its changed cells highlighted. */
    private void replace(EditGrid next, String label) {
        endStroke();
        EditGrid before = grid.copy();
        grid = next.copy();
        moveCursor(0, 0);
        changed(grid.changedFrom(before));
        record(label, before);
    }

    // ---- targets ----

    /** Targets changed: the check's measures and the variations' ranking follow. */
    public void targetsChanged() {
        checkedVersion = -1;
    }

    // ---- repair, variations, play-tests ----

    /** Makes the level playable with the world's repair, as one undoable step; the changed cells are highlighted. */
    public void repair() {
        endStroke();
        long v = version;
        EditGrid snapshot = grid.copy();
        StudioWorld w = world;
        busy = "repairing";
        jobs.submit(() -> w.repair(snapshot), repaired -> {
            if (v != version || w != world) {
                message = "repair dropped: the level changed while it ran";
                return;
            }
            int cells = repaired.changedFrom(snapshot).length;
            if (cells == 0) {
                message = "repair: the level is already playable; nothing changed";
                return;
            }
            replace(repaired, "repair");
            message = "repair: " + cells + " cell" + (cells == 1 ? "" : "s") + " changed (outlined); Ctrl+Z undoes";
        }, e -> message = "repair failed: " + e.getMessage());
    }

    /** Asks the world's variation source for levels near this one (V). */
    public void findVariations() {
        endStroke();
        Optional<LevelVariations> source = Optional.ofNullable(setup.variations().get(world.label()));
        if (source.isEmpty()) {
            message = "no variations: no GAN for the " + world.label() + " (pass --"
                    + (world instanceof DungeonStudioWorld ? "gan" : "platformer-gan") + " DIR)";
            return;
        }
        String why = source.get().unsupported(grid.width(), grid.height());
        if (why != null) {
            message = "no variations: " + why;
            return;
        }
        long v = version;
        EditGrid snapshot = grid.copy();
        StudioWorld w = world;
        TargetControls t = new TargetControls(targets.rows());
        busy = "searching the " + source.get().name() + "'s latent space";
        jobs.submit(() -> rank(w, source.get().near(snapshot.text(), CANDIDATES, seed), t), found -> {
            if (w != world) {
                return;
            }
            variations = found;
            variationsVersion = v;
            message = found.isEmpty() ? "no variations found" : found.size() + " variations (Shift+1.."
                    + found.size() + " or a click picks one)" + (v != version ? "; the level changed since" : "");
        }, e -> message = "variations failed: " + e.getMessage());
    }

    /** Those meeting the targets first, then playable ones, then by distance; the first {@value #VARIATIONS}. */
    private static List<VariationChoice> rank(StudioWorld w, List<LevelVariations.Variation> found,
                                              TargetControls t) {
        List<VariationChoice> out = new ArrayList<>();
        for (LevelVariations.Variation v : found) {
            EditGrid g = w.grid(v.text(), "variation");
            LiveCheck c = w.check(g, t);
            LiveCheck exact = w.refine(g, c).orElse(c);
            out.add(new VariationChoice(g, v.distance(), exact.playable(), w.shortfall(g, t) == 0));
        }
        out.sort(Comparator.comparing((VariationChoice c) -> !c.meetsTargets())
                .thenComparing(c -> !c.playable()).thenComparingInt(VariationChoice::distance));
        return List.copyOf(out.subList(0, Math.min(VARIATIONS, out.size())));
    }

    /** Loads variation {@code index} as one undoable step. */
    public void pickVariation(int index) {
        if (index < 0 || index >= variations.size()) {
            message = variations.isEmpty() ? "no variations yet: V searches for them" : "no variation " + (index + 1);
            return;
        }
        replace(variations.get(index).grid(), "variation " + (index + 1));
        message = "variation " + (index + 1) + " loaded; Ctrl+Z goes back";
    }

    /** The version the variations were searched for (the view dims them once the level moved on). */
    public boolean variationsCurrent() {
        return variationsVersion == version;
    }

    /** Play-tests the level K times with the planner, or with the checkpointed agent when {@code agent}. */
    public void playtest(boolean agent) {
        endStroke();
        Pilot pilot = agent ? pilot() : null;
        if (agent && pilot == null) {
            message = "no agent for " + world.envId() + ": start the studio with --checkpoint DIR";
            return;
        }
        Optional<String> why = whyNotPlayable();
        if (why.isPresent()) {
            message = "cannot play-test: " + why.get();
            return;
        }
        long v = version;
        EditGrid snapshot = grid.copy();
        StudioWorld w = world;
        busy = "play-testing (" + setup.runs() + " runs)";
        jobs.submit(() -> Playtest.run(w, snapshot, pilot, setup.runs(), seed), report -> {
            if (w != world) {
                return;
            }
            playtest = report;
            playtestVersion = v;
            message = "play-test: " + report.summary() + (v != version ? " (the level changed since)" : "");
        }, e -> message = "play-test failed: " + e.getMessage());
    }

    /**
     * The checkpointed agent for this world's env, or null. A platformer agent of the other version will do: it plays
     * the level under the rules it was trained on ({@link Pilot#platformerFor}), as the demo's watch mode shows it.
     */
    private Pilot pilot() {
        Pilot pilot = pilots.apply(world.envId());
        if (pilot == null && world instanceof PlatformerStudioWorld) {
            for (StudioWorld w : StudioWorld.all()) {
                if (pilot == null && w instanceof PlatformerStudioWorld && w != world) {
                    pilot = pilots.apply(w.envId());
                }
            }
        }
        return pilot;
    }

    /** Why the level cannot be played now (its format error), or empty when it can. */
    public Optional<String> whyNotPlayable() {
        return check().error().map(LiveCheck.FormatError::message);
    }

    // ---- files, worlds, prompts ----

    /** Ctrl+S: to the level's file, or asks for one. */
    public void save() {
        endStroke();
        if (file.isEmpty()) {
            saveAs();
        } else {
            saveTo(file.get());
        }
    }

    /** Ctrl+Shift+S: asks for a file name. */
    public void saveAs() {
        endStroke();
        prompt = Optional.of(Prompt.ask("save as (.txt, or .tmx for a Tiled map):",
                file.map(Path::toString).orElse(""), text -> saveTo(Path.of(text.strip()))));
    }

    /** Saves to {@code path}, asking first if that would replace a file this session did not just write. */
    public void saveTo(Path path) {
        if (Files.exists(path) && !ourOwn(path)) {
            prompt = Optional.of(Prompt.confirm(path + " exists: replace it?", () -> write(path, true)));
        } else {
            write(path, false);
        }
    }

    private boolean ourOwn(Path path) {
        try {
            return path.equals(writtenPath) && Files.isRegularFile(path)
                    && Files.readString(path, StandardCharsets.UTF_8).equals(writtenText);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private void write(Path path, boolean replace) {
        try {
            StudioFiles.write(world, path, grid, replace || ourOwn(path));
            file = Optional.of(path);
            cleanText = grid.text();
            writtenPath = path;
            writtenText = Files.readString(path, StandardCharsets.UTF_8);
            lastSaved = Optional.of(path);
            message = "saved " + path + check().error().map(e -> " (it still has an error: " + e.message() + ")")
                    .orElse("");
        } catch (FileAlreadyExistsException e) {
            // Created by someone else since we looked: ask, as for any existing file.
            prompt = Optional.of(Prompt.confirm(path + " exists: replace it?", () -> write(path, true)));
        } catch (IOException | UncheckedIOException | UserInputException e) {
            message = "could not save " + path + ": " + e.getMessage();
        }
    }

    /** Ctrl+O: asks for a file to open. */
    public void open() {
        endStroke();
        prompt = Optional.of(Prompt.ask("open (" + world.label() + " level file):", "",
                text -> unlessDirty("open another level", () -> openFile(Path.of(text.strip())))));
    }

    /** Opens {@code path} as the new document (unsaved edits are the caller's to ask about). */
    public void openFile(Path path) {
        try {
            load(read(path), Optional.of(path));
            message = "opened " + path;
        } catch (UncheckedIOException | UserInputException e) {
            message = "could not open " + path + ": " + (e.getCause() != null && e instanceof UncheckedIOException
                    ? e.getCause().getMessage() : e.getMessage());
        }
    }

    /** Ctrl+N: asks for a size, then makes a blank level of it. */
    public void newLevel() {
        endStroke();
        prompt = Optional.of(Prompt.ask("new " + world.label() + " level, size WxH:",
                grid.width() + "x" + grid.height(), text -> {
                    String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
                    try {
                        int w = Integer.parseInt(parts[0].strip());
                        int h = Integer.parseInt(parts[1].strip());
                        world.checkSize(w, h);
                        unlessDirty("make a new level", () -> {
                            load(world.blank(w, h), Optional.empty());
                            message = "new " + w + "x" + h + " level";
                        });
                    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                        message = "size must be WxH, e.g. 13x9; got '" + text + "'";
                    } catch (UserInputException e) {
                        message = e.getMessage();
                    }
                }));
    }

    /** W: a new level in the other world (the platformer of the version the studio opened with, v1 by default). */
    public void switchWorld() {
        endStroke();
        unlessDirty("switch worlds", () -> {
            world = world instanceof DungeonStudioWorld ? platformerWorld : StudioWorld.DUNGEON;
            targets = new TargetControls(world.targetRows());
            selected = 0;
            playtest = null;
            load(world.blank(world.defaultWidth(), world.defaultHeight()), Optional.empty());
            message = "new " + world.label() + " level";
        });
    }

    /** Runs {@code action} now, or after a yes when there are unsaved edits. */
    public void unlessDirty(String what, Runnable action) {
        if (!dirty()) {
            action.run();
        } else {
            prompt = Optional.of(Prompt.confirm("unsaved edits: " + what + " anyway?", action));
        }
    }

    /** A character typed into the open text prompt. */
    public void type(char c) {
        prompt.filter(p -> !p.yesNo() && c >= ' ' && c != 127).ifPresent(p -> prompt = Optional.of(p.typed(c)));
    }

    /** BACKSPACE in the open text prompt. */
    public void backspace() {
        prompt.filter(p -> !p.yesNo()).ifPresent(p -> prompt = Optional.of(p.erased()));
    }

    /** ENTER or Y: answers the open prompt. */
    public void answer() {
        Optional<Prompt> p = prompt;
        prompt = Optional.empty();
        p.ifPresent(q -> q.answer().accept(q.yesNo() ? "y" : q.text()));
    }

    /** ESCAPE or N: closes the open prompt without answering. */
    public void cancel() {
        prompt = Optional.empty();
    }

    @Override
    public void close() {
        jobs.close();
    }

    @Override
    public String toString() {
        return "Studio[" + world.label() + " " + grid.width() + "x" + grid.height() + ", edits " + edits()
                + ", highlighted " + Arrays.toString(highlighted) + "]";
    }
}
