package dev.levelgym.demo.view;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import dev.levelgym.demo.screen.StudioScreen;
import dev.levelgym.demo.studio.DungeonStudioWorld;
import dev.levelgym.demo.studio.EditGrid;
import dev.levelgym.demo.studio.LiveCheck;
import dev.levelgym.demo.studio.PlaytestReport;
import dev.levelgym.demo.studio.Prompt;
import dev.levelgym.demo.studio.Studio;
import dev.levelgym.demo.studio.StudioLayout;
import dev.levelgym.demo.studio.StudioScene;
import dev.levelgym.demo.studio.TargetControls;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Draws the level studio with the demo's sprite batch, font and tile art: the map with its overlays (the solver's
 * path and jumps, a format error's cell, the cells a repair changed, the play-test heatmap, the cursor), the
 * palette, the panel of checks, targets and play-test, and the variations as thumbnails. Layout comes from
 * {@link StudioLayout}, in y-down window pixels; this class flips to GL's y-up when it draws.
 */
final class StudioRenderer {

    private static final Color PANEL = Color.valueOf("1f1b24");
    private static final Color TEXT = Color.valueOf("e9e4d8");
    private static final Color DIM = Color.valueOf("9a948a");
    private static final Color GOLD = Color.valueOf("f2c14e");
    private static final Color GOOD = Color.valueOf("7bd88f");
    private static final Color BAD = Color.valueOf("ff6b5a");
    private static final Color SKY = Color.valueOf("86b6ef");
    private static final Color PATH = new Color(1f, 0.85f, 0.2f, 0.9f);
    private static final Color JUMP = new Color(1f, 0.45f, 0.1f, 1f);
    private static final Color CHANGED = Color.valueOf("37e0e6");
    private static final Color DEATH = Color.valueOf("ff2d2d");
    private static final Color STUCK = Color.valueOf("3d7bff");
    private static final int WRAP = 50;

    private final SpriteBatch batch;
    private final BitmapFont font;
    private final TileArt art;
    private final PlatformerArt platformerArt;
    private final Texture white;
    private final TextureRegion whiteRegion;
    /** Thumbnails of the variations on show, made once each. */
    private final Map<EditGrid, Texture> thumbnails = new IdentityHashMap<>();
    private int height;

    StudioRenderer(SpriteBatch batch, BitmapFont font, TileArt art, PlatformerArt platformerArt, Texture white) {
        this.batch = batch;
        this.font = font;
        this.art = art;
        this.platformerArt = platformerArt;
        this.white = white;
        this.whiteRegion = new TextureRegion(white);
    }

    void draw(StudioScene scene, int windowWidth, int windowHeight) {
        height = windowHeight;
        Studio studio = scene.studio();
        StudioLayout layout = scene.layout();
        LiveCheck check = studio.check();
        rect(0, 0, windowWidth, StudioLayout.TOP, PANEL);
        rect(0, StudioLayout.TOP, StudioLayout.PALETTE_WIDTH, windowHeight - StudioLayout.TOP, PANEL);
        rect(layout.panelLeft(), StudioLayout.TOP, StudioLayout.PANEL_WIDTH, windowHeight - StudioLayout.TOP, PANEL);
        map(scene, check);
        palette(studio, layout);
        top(studio, windowWidth);
        panel(studio, layout, check);
        strip(studio, layout);
        studio.prompt().ifPresent(p -> prompt(p, windowWidth));
    }

    // ---- the map ----

    private void map(StudioScene scene, LiveCheck check) {
        Studio studio = scene.studio();
        StudioLayout layout = scene.layout();
        EditGrid grid = studio.grid();
        boolean dungeon = studio.world() instanceof DungeonStudioWorld;
        int tile = layout.tile();
        int x0 = layout.scrollX();
        int y0 = layout.scrollY();
        int x1 = x0 + layout.visibleColumns();
        int y1 = y0 + layout.visibleRows();
        if (!dungeon) {
            rect(layout.mapLeft(), layout.mapTop(), layout.visibleColumns() * tile, layout.visibleRows() * tile, SKY);
        }
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                tile(grid.get(x, y), dungeon, layout.cellLeft(x), layout.cellTop(y), tile,
                        !dungeon && y > 0 && isSolidPlatformer(grid.get(x, y)) && !isSolidPlatformer(grid.get(x, y - 1)));
            }
        }
        Color line = new Color(0, 0, 0, 0.18f);
        for (int x = x0; x <= x1; x++) {
            rect(layout.cellLeft(x), layout.mapTop(), 1, layout.visibleRows() * tile, line);
        }
        for (int y = y0; y <= y1; y++) {
            rect(layout.mapLeft(), layout.cellTop(y), layout.visibleColumns() * tile, 1, line);
        }
        if (scene.heatmap()) {
            studio.playtest().ifPresent(r -> heatmap(r, layout));
        }
        for (int c : studio.highlighted()) {
            int x = c % grid.width();
            int y = c / grid.width();
            if (layout.cellVisible(x, y)) {
                outline(layout.cellLeft(x), layout.cellTop(y), tile, tile, 3, CHANGED);
            }
        }
        path(check, layout);
        check.error().filter(LiveCheck.FormatError::cell).ifPresent(e -> {
            if (layout.cellVisible(e.x(), e.y())) {
                rect(layout.cellLeft(e.x()), layout.cellTop(e.y()), tile, tile, new Color(1, 0.1f, 0.1f, 0.35f));
                outline(layout.cellLeft(e.x()), layout.cellTop(e.y()), tile, tile, 3, BAD);
            }
        });
        if (check.error().isPresent() && !check.error().get().cell()) {
            outline(layout.mapLeft() - 4, layout.mapTop() - 4, layout.visibleColumns() * tile + 8,
                    layout.visibleRows() * tile + 8, 3, BAD);
        }
        scene.rectangle().ifPresent(r -> {
            int left = Math.min(r[0], r[2]);
            int topRow = Math.min(r[1], r[3]);
            outline(layout.cellLeft(left), layout.cellTop(topRow), (Math.abs(r[2] - r[0]) + 1) * tile,
                    (Math.abs(r[3] - r[1]) + 1) * tile, 2, GOLD);
        });
        if (scene.hoverX() >= 0) {
            outline(layout.cellLeft(scene.hoverX()), layout.cellTop(scene.hoverY()), tile, tile, 1,
                    new Color(1, 1, 1, 0.6f));
        }
        if (layout.cellVisible(studio.cursorX(), studio.cursorY())) {
            outline(layout.cellLeft(studio.cursorX()), layout.cellTop(studio.cursorY()), tile, tile, 2, GOLD);
        }
        if (layout.visibleColumns() < grid.width()) {
            // Where the window is along the level: a bar under the map.
            int barTop = layout.mapTop() + layout.visibleRows() * tile + 4;
            int barWidth = layout.visibleColumns() * tile;
            rect(layout.mapLeft(), barTop, barWidth, 4, new Color(1, 1, 1, 0.15f));
            rect(layout.mapLeft() + barWidth * layout.scrollX() / grid.width(), barTop,
                    Math.max(8, barWidth * layout.visibleColumns() / grid.width()), 4, GOLD);
        }
    }

    private void tile(char t, boolean dungeon, int left, int top, int size, boolean grass) {
        if (dungeon) {
            draw(art.get(t == 'w' ? TileArt.Piece.WALL : TileArt.Piece.FLOOR), left, top, size, size);
            TileArt.Piece piece = switch (t) {
                case 'A' -> TileArt.Piece.AVATAR;
                case '+' -> TileArt.Piece.KEY;
                case 'g' -> TileArt.Piece.DOOR;
                case '1' -> TileArt.Piece.ENEMY_QUICK;
                case '2' -> TileArt.Piece.ENEMY_NORMAL;
                case '3' -> TileArt.Piece.ENEMY_SLOW;
                default -> null;
            };
            if (piece != null) {
                draw(art.get(piece), left, top, size, size);
            }
            return;
        }
        PlatformerTile pt = PlatformerTile.fromSymbol(t);
        if (pt == PlatformerTile.ENEMY) {
            draw(platformerArt.get(PlatformerArt.Piece.WALKER), left, top, size, size);
            return;
        }
        PlatformerArt.Piece piece = pt == null ? null : GdxViews.piece(pt);
        if (piece != null) {
            draw(platformerArt.get(piece), left, top, size, size);
            if (grass && pt == PlatformerTile.GROUND) {
                draw(platformerArt.get(PlatformerArt.Piece.GRASS), left, top, size, size);
            }
        }
    }

    private static boolean isSolidPlatformer(char c) {
        PlatformerTile t = PlatformerTile.fromSymbol(c);
        return t != null && t.solid();
    }

    /** The solver's run: a dot per position (fractional in Platformer-v1), a diamond where a jump takes off. */
    private void path(LiveCheck check, StudioLayout layout) {
        int tile = layout.tile();
        float dot = Math.max(4, tile / 5f);
        for (LiveCheck.PathStep s : check.path()) {
            int column = (int) Math.floor(s.x());
            if (!layout.cellVisible(column, s.y())) {
                continue;
            }
            float cx = layout.cellLeft(column) + (float) (s.x() - column) * tile + tile / 2f;
            float cy = layout.cellTop(s.y()) + tile / 2f;
            if (s.jump()) {
                float d = dot * 2.2f;
                batch.setColor(JUMP);
                batch.draw(whiteRegion, cx - d / 2, height - cy - d / 2, d / 2, d / 2, d, d, 1, 1, 45);
                batch.setColor(Color.WHITE);
            } else {
                rect(cx - dot / 2, cy - dot / 2, dot, dot, PATH);
            }
        }
    }

    private void heatmap(PlaytestReport r, StudioLayout layout) {
        int hottest = Math.max(1, r.hottest());
        int[] deaths = r.deaths();
        int[] stuck = r.stuck();
        int tile = layout.tile();
        for (int c = 0; c < deaths.length; c++) {
            int x = c % r.width();
            int y = c / r.width();
            if (!layout.cellVisible(x, y) || deaths[c] + stuck[c] == 0) {
                continue;
            }
            Color base = deaths[c] >= stuck[c] ? DEATH : STUCK;
            int n = Math.max(deaths[c], stuck[c]);
            rect(layout.cellLeft(x), layout.cellTop(y), tile, tile,
                    new Color(base.r, base.g, base.b, 0.3f + 0.45f * n / hottest));
            if (tile >= 28) {
                text(Integer.toString(deaths[c] + stuck[c]), layout.cellLeft(x) + 3, layout.cellTop(y) + 3, 1f,
                        Color.WHITE);
            }
        }
    }

    // ---- palette, top, panel ----

    private void palette(Studio studio, StudioLayout layout) {
        String palette = studio.world().palette();
        boolean dungeon = studio.world() instanceof DungeonStudioWorld;
        for (int i = 0; i < palette.length(); i++) {
            int top = layout.swatchTop(i);
            int left = layout.swatchLeft();
            if (!dungeon) {
                rect(left, top, StudioLayout.SWATCH, StudioLayout.SWATCH, SKY);
            }
            tile(palette.charAt(i), dungeon, left, top, StudioLayout.SWATCH, false);
            if (i == studio.selected()) {
                outline(left - 3, top - 3, StudioLayout.SWATCH + 6, StudioLayout.SWATCH + 6, 3, GOLD);
            }
            if (i < 10) {
                text(Integer.toString((i + 1) % 10), 6, top + 9, 1.1f, i == studio.selected() ? GOLD : DIM);
            }
        }
    }

    private void top(Studio studio, int windowWidth) {
        String file = studio.file().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                .orElse("(new level)") + (studio.dirty() ? " *" : "");
        text("Level studio  |  " + studio.world().label() + "  |  " + file + "  |  " + studio.grid().width() + "x"
                        + studio.grid().height() + "  |  edits " + studio.edits() + "  |  tile: "
                        + studio.world().tileName(studio.tile()) + "  |  cursor (" + studio.cursorX() + ", "
                        + studio.cursorY() + ")", 12, 10, 1.25f, TEXT);
        String busy = studio.busy();
        String status = !busy.isEmpty() ? busy + " ..." : studio.message();
        text(status, 12, 36, 1.15f, !busy.isEmpty() ? DIM : status.startsWith("could not") || status.contains("failed")
                ? BAD : GOLD);
    }

    private void panel(Studio studio, StudioLayout layout, LiveCheck check) {
        List<Line> lines = new ArrayList<>();
        Optional<LiveCheck.FormatError> error = check.error();
        if (error.isPresent()) {
            LiveCheck.FormatError e = error.get();
            lines.add(new Line("NOT A LEVEL YET", BAD, 1.3f));
            // The parser's own place and words: line and column, 1-based, as level check prints them.
            for (String l : wrap((e.cell() ? "line " + (e.y() + 1) + ", column " + (e.x() + 1) + ": " : "")
                    + e.message())) {
                lines.add(new Line(l, BAD, 1f));
            }
        } else {
            LiveCheck.Verdict v = check.verdict().orElseThrow();
            boolean dungeon = studio.world() instanceof DungeonStudioWorld;
            lines.add(v.playable()
                    ? new Line("PLAYABLE: " + v.solutionLength() + (dungeon ? " moves" : " ticks")
                            + (dungeon ? "" : ", " + v.jumps() + " jumps"), GOOD, 1.3f)
                    : new Line("NOT PLAYABLE" + (Double.isNaN(v.completion()) ? ""
                            : String.format(Locale.ROOT, ": the run stops at %.0f%%", 100 * v.completion())), BAD, 1.3f));
            lines.add(new Line(v.solver() + (check.pending() ? " ..." : "") + "; its run is drawn"
                    + (dungeon ? "" : " (diamonds: jumps)"), DIM, 1f));
        }
        while (lines.size() < 4) {
            lines.add(new Line("", TEXT, 1f));
        }
        int targets = studio.targets().rows().size();
        for (int i = 0; i < check.measures().size(); i++) {
            LiveCheck.Measure m = check.measures().get(i);
            if (i == 0) {
                lines.add(new Line("Target measures (as generate --target measures them)", TEXT, 1.05f));
            } else if (i == targets) {
                lines.add(new Line("Against the corpus (as level evaluate reports them)", TEXT, 1.05f));
            }
            String target = m.target().map(t -> "   target " + t + (m.met() ? "  ok" : "  off")).orElse("");
            for (String l : wrap(m.name() + ": " + m.value() + target)) {
                lines.add(new Line(l, m.target().isEmpty() ? TEXT : m.met() ? GOOD : BAD, 1f));
            }
        }
        while (lines.size() < StudioLayout.TARGET_LINE - 1) {
            lines.add(new Line("", TEXT, 1f));
        }
        for (int i = 0; i < lines.size() && i < StudioLayout.TARGET_LINE - 1; i++) {
            Line l = lines.get(i);
            text(l.text(), layout.panelLeft() + 12, layout.panelLineTop(i), l.scale(), l.color());
        }
        int line = StudioLayout.TARGET_LINE - 1;
        text("Targets: T row  O on/off  [ ] low end  - = high end", layout.panelLeft() + 12,
                layout.panelLineTop(line), 1.05f, TEXT);
        List<TargetControls.Row> rows = studio.targets().rows();
        for (int i = 0; i < rows.size(); i++) {
            TargetControls.Row r = rows.get(i);
            int top = layout.panelLineTop(StudioLayout.TARGET_LINE + i);
            if (i == studio.targets().selected()) {
                rect(layout.panelLeft() + 6, top - 2, StudioLayout.PANEL_WIDTH - 12, StudioLayout.LINE,
                        new Color(0.95f, 0.76f, 0.31f, 0.15f));
            }
            Color c = r.on() ? TEXT : DIM;
            text((r.on() ? "[x] " : "[ ] ") + r.key(), layout.panelLeft() + 12, top, 1f, c);
            text(format(r.min()), layout.panelLeft() + 210, top, 1f, c);
            text(format(r.max()), layout.panelLeft() + 310, top, 1f, c);
        }
        line = StudioLayout.TARGET_LINE + rows.size() + 1;
        text("Play-test: K planner  Shift+K agent  H heatmap", layout.panelLeft() + 12, layout.panelLineTop(line++),
                1.05f, TEXT);
        Optional<PlaytestReport> report = studio.playtest();
        if (report.isPresent()) {
            for (String l : wrap(report.get().summary())) {
                text(l, layout.panelLeft() + 12, layout.panelLineTop(line++), 1f, GOOD);
            }
            for (String l : wrap(report.get().note())) {
                text(l, layout.panelLeft() + 12, layout.panelLineTop(line++), 1f, DIM);
            }
            rect(layout.panelLeft() + 12, layout.panelLineTop(line) + 3, 12, 12, DEATH);
            text("died here", layout.panelLeft() + 30, layout.panelLineTop(line), 1f, DIM);
            rect(layout.panelLeft() + 130, layout.panelLineTop(line) + 3, 12, 12, STUCK);
            text("out of steps here", layout.panelLeft() + 148, layout.panelLineTop(line++), 1f, DIM);
        } else {
            text("not run for this version of the level", layout.panelLeft() + 12, layout.panelLineTop(line++), 1f,
                    DIM);
        }
        int helpTop = height - StudioScreen.HELP.size() * 17 - 8;
        for (int i = 0; i < StudioScreen.HELP.size(); i++) {
            text(StudioScreen.HELP.get(i), layout.panelLeft() + 12, helpTop + 17 * i, 0.95f, DIM);
        }
    }

    private record Line(String text, Color color, float scale) {
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<String> wrap(String s) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            if (cut <= 0) {
                cut = WRAP;
            }
            out.add(rest.substring(0, cut));
            rest = "  " + rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }

    // ---- variations ----

    private void strip(Studio studio, StudioLayout layout) {
        int left = StudioLayout.PALETTE_WIDTH + StudioLayout.MARGIN;
        List<Studio.VariationChoice> choices = studio.variations();
        text("Variations: V asks the GAN for the levels nearest this one (tile distance); Shift+1.."
                + Studio.VARIATIONS + " or a click loads one", left, layout.stripTop(), 1.05f, TEXT);
        thumbnails.keySet().removeIf(g -> {
            boolean gone = choices.stream().noneMatch(c -> c.grid() == g);
            if (gone) {
                thumbnails.get(g).dispose();
            }
            return gone;
        });
        for (int i = 0; i < Studio.VARIATIONS; i++) {
            int x = layout.thumbnailLeft(i);
            int y = layout.thumbnailTop();
            int w = layout.thumbnailWidth();
            int h = layout.thumbnailHeight();
            rect(x, y, w, h, new Color(1, 1, 1, 0.06f));
            if (i >= choices.size()) {
                continue;
            }
            Studio.VariationChoice c = choices.get(i);
            Texture t = thumbnails.computeIfAbsent(c.grid(), StudioRenderer::thumbnail);
            float scale = Math.min((float) w / t.getWidth(), (float) h / t.getHeight());
            float tw = t.getWidth() * scale;
            float th = t.getHeight() * scale;
            if (!studio.variationsCurrent()) {
                batch.setColor(1, 1, 1, 0.5f);
            }
            draw(t, x + (w - tw) / 2, y + (h - th) / 2, tw, th);
            batch.setColor(Color.WHITE);
            text((i + 1) + ": " + c.distance() + " cells off, " + (c.playable() ? "playable" : "unplayable")
                            + (studio.targets().active().isEmpty() ? "" : c.meetsTargets() ? ", on target" : ", off target"),
                    x, y + h + 4, 0.95f, c.playable() ? GOOD : BAD);
        }
    }

    /** One pixel per tile, in the tile's main colour. */
    private static Texture thumbnail(EditGrid g) {
        Pixmap pm = new Pixmap(g.width(), g.height(), Pixmap.Format.RGBA8888);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                pm.drawPixel(x, y, colour(g.get(x, y)));
            }
        }
        Texture t = new Texture(pm);
        pm.dispose();
        return t;
    }

    private static int colour(char c) {
        return switch (c) {
            case 'w' -> 0x4a4453ff;
            case '.' -> 0xcfc4a8ff;
            case 'A' -> 0x3f8fd8ff;
            case '+' -> 0xf2c14eff;
            case 'g' -> 0x8b5a2bff;
            case '1', '2', '3', 'E' -> 0xe0473aff;
            case 'X' -> 0x9c5a2eff;
            case 'S' -> 0xc8733bff;
            case '-' -> 0x86b6efff;
            case '?', 'o' -> 0xf2c14eff;
            case 'Q' -> 0xb59a6bff;
            case '<', '>', '[', ']' -> 0x2f9e44ff;
            case 'B', 'b' -> 0x333333ff;
            default -> 0xff00ffff;
        };
    }

    // ---- prompt ----

    private void prompt(Prompt p, int windowWidth) {
        int w = 760;
        int h = 110;
        int x = (windowWidth - w) / 2;
        int y = (height - h) / 2;
        rect(0, 0, windowWidth, height, new Color(0, 0, 0, 0.45f));
        rect(x, y, w, h, PANEL);
        outline(x, y, w, h, 2, GOLD);
        text(p.question(), x + 20, y + 18, 1.3f, TEXT);
        if (!p.yesNo()) {
            rect(x + 20, y + 56, w - 40, 32, new Color(0, 0, 0, 0.5f));
            if (p.suggested()) {
                // Selected: typing replaces it.
                rect(x + 26, y + 60, Math.min(w - 52, 11 * p.text().length() + 6), 24, new Color(0.3f, 0.45f, 0.8f, 0.6f));
            }
            text(p.text() + (p.suggested() ? "" : "_"), x + 28, y + 62, 1.3f, GOLD);
            text("ENTER ok   ESC cancel", x + w - 200, y + 18, 1f, DIM);
        } else {
            text("Y yes    N or ESC no", x + 20, y + 62, 1.2f, GOLD);
        }
    }

    // ---- drawing in y-down pixels ----

    private void draw(Texture t, float left, float top, float w, float h) {
        batch.draw(t, left, height - top - h, w, h);
    }

    private void rect(float left, float top, float w, float h, Color c) {
        batch.setColor(c);
        batch.draw(white, left, height - top - h, w, h);
        batch.setColor(Color.WHITE);
    }

    private void outline(float left, float top, float w, float h, float thickness, Color c) {
        rect(left, top, w, thickness, c);
        rect(left, top + h - thickness, w, thickness, c);
        rect(left, top, thickness, h, c);
        rect(left + w - thickness, top, thickness, h, c);
    }

    /** Text whose top is at {@code top} (y-down). */
    private void text(String s, float left, float top, float scale, Color c) {
        font.getData().setScale(scale);
        font.setColor(c);
        font.draw(batch, s, left, height - top);
    }

    void dispose() {
        thumbnails.values().forEach(Texture::dispose);
        thumbnails.clear();
    }
}
