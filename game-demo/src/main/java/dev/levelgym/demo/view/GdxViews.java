package dev.levelgym.demo.view;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.math.Interpolation;
import dev.levelgym.demo.model.CartPoleSession;
import dev.levelgym.demo.model.DungeonSession;
import dev.levelgym.demo.model.Menu;
import dev.levelgym.demo.model.PlatformerSession;
import dev.levelgym.demo.model.SideScroll;
import dev.levelgym.demo.model.Sprite;
import dev.levelgym.demo.studio.StudioScene;
import dev.levelgym.demo.view.TileArt.Piece;
import dev.levelgym.envs.dungeon.DungeonGame;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.io.AtomicFiles;
import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.platformer.level.PlatformerTile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;

/** The OpenGL views: one sprite batch, the procedural tileset, LibGDX's built-in font. */
public final class GdxViews implements Views {

    private static final Color BACKGROUND = Color.valueOf("15131a");
    private static final Color HUD_TEXT = Color.valueOf("e9e4d8");
    private static final Color SKY = Color.valueOf("86b6ef");
    private static final float HUD_LINE = 24;
    private static final float MARGIN = 16;

    private final SpriteBatch batch = new SpriteBatch();
    private final BitmapFont font = new BitmapFont();
    private final GlyphLayout layout = new GlyphLayout();
    private final TileArt art = new TileArt();
    private final PlatformerArt platformerArt = new PlatformerArt();
    private final Texture white;
    private final TextureRegion whiteRegion;
    private final TextureRegion swordRegion = new TextureRegion(art.get(Piece.SWORD));
    private final StudioRenderer studio;
    private int width;
    private int height;
    private final float fixedFrameSeconds;
    private float time;

    /**
     * @param fixedFrameSeconds how far animations (bobbing keys and monsters, the sword's sweep) advance per frame;
     *                          0 follows the real frame time. Scripted runs fix it so their screenshots repeat.
     */
    public GdxViews(int width, int height, float fixedFrameSeconds) {
        this.fixedFrameSeconds = fixedFrameSeconds;
        Pixmap pm = new Pixmap(1, 1, Pixmap.Format.RGBA8888);
        pm.setColor(Color.WHITE);
        pm.fill();
        white = new Texture(pm);
        pm.dispose();
        whiteRegion = new TextureRegion(white);
        studio = new StudioRenderer(batch, font, art, platformerArt, white);
        font.getRegion().getTexture().setFilter(Texture.TextureFilter.Linear, Texture.TextureFilter.Linear);
        resize(width, height);
    }

    @Override
    public void resize(int w, int h) {
        width = w;
        height = h;
        batch.getProjectionMatrix().setToOrtho2D(0, 0, w, h);
        // Logical size for drawing, back-buffer pixels for GL (they differ on HiDPI screens).
        Gdx.gl.glViewport(0, 0, Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
    }

    private void begin() {
        time += fixedFrameSeconds > 0 ? fixedFrameSeconds : Gdx.graphics.getDeltaTime();
        Gdx.gl.glClearColor(BACKGROUND.r, BACKGROUND.g, BACKGROUND.b, 1f);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        batch.begin();
    }

    @Override
    public void menu(Menu menu) {
        begin();
        float cx = width / 2f;
        text("levelgym", cx, height - 90, 4f, Color.valueOf("f2c14e"), true);
        text("a dungeon, a platformer, their agents, and a pole on a cart", cx, height - 170, 1.4f, HUD_TEXT, true);
        Piece[] parade = {Piece.WALL, Piece.AVATAR, Piece.KEY, Piece.DOOR, Piece.ENEMY_QUICK, Piece.ENEMY_NORMAL,
                Piece.ENEMY_SLOW, Piece.SWORD, Piece.WALL};
        float tile = 56;
        float x0 = cx - parade.length * tile / 2;
        for (int i = 0; i < parade.length; i++) {
            float bob = parade[i].name().startsWith("ENEMY") ? 4 * (float) Math.sin(time * 4 + i) : 0;
            batch.draw(art.get(Piece.FLOOR), x0 + i * tile, height - 260, tile, tile);
            batch.draw(art.get(parade[i]), x0 + i * tile, height - 260 + bob, tile, tile);
        }
        float y = height - 300;
        // Entries share the room between the parade and the footer, 72 px each at most.
        float step = Math.min(72, (y - 70) / menu.entries().size());
        for (int i = 0; i < menu.entries().size(); i++) {
            Menu.Entry e = menu.entries().get(i);
            boolean on = i == menu.selected();
            if (on) {
                rect(cx - 330, y - step + 10, 660, step - 2, new Color(0.95f, 0.76f, 0.31f, 0.18f));
            }
            text(e.key() + "  " + e.title(), cx - 310, y, 1.8f, on ? Color.valueOf("f2c14e") : HUD_TEXT, false);
            text(e.description(), cx - 310, y - 27, 1.1f, HUD_TEXT, false);
            y -= step;
        }
        text("UP/DOWN + ENTER, or 1 - " + menu.entries().size() + "   |   ESC quits", cx, 40, 1.2f, HUD_TEXT, true);
        batch.end();
    }

    @Override
    public void dungeon(DungeonSession session, float progress, List<String> hud) {
        begin();
        DungeonGame game = session.game();
        int w = game.width();
        int h = game.height();
        float hudHeight = hud.size() * HUD_LINE + 2 * MARGIN;
        float tile = (float) Math.floor(Math.min((width - 2 * MARGIN) / w, (height - hudHeight - MARGIN) / h));
        float ox = (width - tile * w) / 2;
        float oy = (height - hudHeight - tile * h) / 2;
        for (int c = 0; c < w * h; c++) {
            float x = ox + (c % w) * tile;
            float y = oy + (h - 1 - c / w) * tile;
            char t = game.terrainSymbol(c);
            batch.draw(art.get(t == 'w' ? Piece.WALL : Piece.FLOOR), x, y, tile, tile);
            if (t == 'g') {
                batch.draw(art.get(Piece.DOOR), x, y, tile, tile);
            } else if (t == '+') {
                float bob = 0.05f * tile * (float) Math.sin(time * 3 + c);
                batch.draw(art.get(Piece.KEY), x, y + bob, tile, tile);
            }
        }
        float eased = Interpolation.smooth.apply(progress);
        int avatarCell = game.avatarCell();
        for (Sprite s : session.sprites()) {
            float fx = s.fromCell() % w + (s.toCell() % w - s.fromCell() % w) * eased;
            float fy = s.fromCell() / w + (s.toCell() / w - s.fromCell() / w) * eased;
            float x = ox + fx * tile;
            float y = oy + (h - 1 - fy) * tile;
            switch (s.symbol()) {
                case '*' -> sword(x, y, tile, s.toCell() - avatarCell, w);
                case 'A', 'a' -> {
                    batch.draw(art.get(Piece.AVATAR), x, y, tile, tile);
                    if (s.symbol() == 'a') {
                        batch.draw(art.get(Piece.KEY_BADGE), x + tile * 0.5f, y + tile * 0.45f, tile * 0.55f,
                                tile * 0.55f);
                    }
                }
                default -> {
                    Piece p = s.symbol() == '1' ? Piece.ENEMY_QUICK : s.symbol() == '2' ? Piece.ENEMY_NORMAL
                            : Piece.ENEMY_SLOW;
                    float squash = 1 + 0.06f * (float) Math.sin(time * 6 + s.toCell());
                    batch.draw(art.get(p), x, y, tile, tile * squash);
                }
            }
        }
        hud(hud);
        banner(session.banner(), session.outcome() == Outcome.WIN, "R restart   N new level   ESC menu");
        batch.end();
    }

    @Override
    public void studio(StudioScene scene) {
        begin();
        studio.draw(scene, width, height);
        batch.end();
    }

    private void sword(float x, float y, float tile, int offset, int levelWidth) {
        float angle = offset == 1 ? 0 : offset == -1 ? 180 : offset == -levelWidth ? 90 : 270;
        float sweep = 20 * (float) Math.sin(time * 20);
        batch.setColor(1f, 1f, 0.8f, 0.25f);
        batch.draw(whiteRegion, x + tile * 0.1f, y + tile * 0.1f, tile * 0.8f, tile * 0.8f);
        batch.setColor(Color.WHITE);
        batch.draw(swordRegion, x, y, tile / 2, tile / 2, tile, tile, 1, 1,
                angle - 45 + sweep);
    }

    @Override
    public void cartPole(CartPoleSession session, List<String> hud) {
        begin();
        double[] s = session.state();
        double half = session.trackHalfWidth();
        float scale = (float) ((width - 2 * MARGIN) / (2 * half * 1.1));
        float trackY = height * 0.3f;
        float cx = (float) (width / 2f + s[0] * scale);
        rect(0, 0, width, trackY, Color.valueOf("2b2530"));
        rect(width / 2f - (float) half * scale, trackY - 4, (float) (2 * half) * scale, 4, Color.valueOf("8d8579"));
        for (int side = -1; side <= 1; side += 2) {
            rect(width / 2f + side * (float) half * scale - 3, trackY - 4, 6, 40, Color.valueOf("e0473a"));
        }
        float cartW = 0.5f * scale;
        float cartH = 0.3f * scale;
        float wheel = cartH * 0.35f;
        rect(cx - cartW / 2, trackY + wheel, cartW, cartH, Color.valueOf("3f8fd8"));
        rect(cx - cartW / 2, trackY + wheel + cartH - 6, cartW, 6, Color.valueOf("7fb6e8"));
        rect(cx - cartW / 2 + wheel * 0.3f, trackY, wheel * 1.4f, wheel * 1.4f, Color.valueOf("1b1b1b"));
        rect(cx + cartW / 2 - wheel * 1.7f, trackY, wheel * 1.4f, wheel * 1.4f, Color.valueOf("1b1b1b"));
        // Gymnasium's pole is drawn 2 * length long; the env's half-length is 0.5.
        float poleLength = 1.0f * scale;
        float poleWidth = 0.1f * scale;
        float pivotY = trackY + wheel + cartH;
        batch.setColor(Color.valueOf("caa472"));
        batch.draw(whiteRegion, cx - poleWidth / 2, pivotY, poleWidth / 2, 0, poleWidth, poleLength, 1, 1,
                (float) Math.toDegrees(-s[2]));
        batch.setColor(Color.WHITE);
        rect(cx - poleWidth / 2, pivotY - poleWidth / 2, poleWidth, poleWidth, Color.valueOf("81a1c1"));
        float arrowX = session.lastPush() == 1 ? cx - cartW / 2 - 60 : cx + cartW / 2 + 20;
        text(session.lastPush() == 1 ? ">>" : "<<", arrowX + 20, trackY + wheel + cartH / 2 + 10, 2f,
                Color.valueOf("f2c14e"), true);
        hud(hud);
        banner(session.banner(), session.outcome() == Outcome.WIN, "R restart   ESC menu");
        batch.end();
    }

    @Override
    public void platformer(PlatformerSession session, float progress, List<String> hud) {
        begin();
        PlatformerGame game = session.game();
        int w = game.width();
        int rows = game.level().height();
        float hudHeight = hud.size() * HUD_LINE + 2 * MARGIN;
        float tile = (float) Math.floor((height - hudHeight) / rows);
        float bottom = (height - hudHeight - tile * rows) / 2;
        // Linear, not eased: a run keeps an even pace from tile to tile.
        float px = (float) (session.fromX() + (game.playerPosition() - session.fromX()) * progress);
        float py = session.fromY() + (game.playerY() - session.fromY()) * progress;
        // Whole pixels: llvmpipe (and the pixel art) like texels landing on pixels; a scroll by fractions of a pixel
        // doubled the frame time of a moving camera.
        float left = Math.round(SideScroll.left(px, w, width / tile) * tile) / tile;
        bottom = Math.round(bottom);
        rect(0, bottom, width, tile * rows, SKY);
        scenery(left, tile, bottom, rows);
        int first = Math.max(0, (int) Math.floor(left));
        int last = Math.min(w - 1, (int) Math.ceil(left + width / tile));
        for (int x = first; x <= last; x++) {
            float sx = (x - left) * tile;
            for (int y = 0; y < rows; y++) {
                PlatformerTile t = game.tile(x, y);
                float sy = bottom + (rows - 1 - y) * tile;
                if (t == PlatformerTile.COIN) {
                    // A coin spins: its width follows a cosine, never quite edge-on.
                    float spin = Math.max(0.2f, Math.abs((float) Math.cos(time * 3 + x * 0.7f)));
                    batch.draw(platformerArt.get(PlatformerArt.Piece.COIN), sx + tile * (1 - spin) / 2, sy,
                            tile * spin, tile);
                    continue;
                }
                PlatformerArt.Piece piece = piece(t);
                if (piece != null) {
                    batch.draw(platformerArt.get(piece), sx, sy, tile, tile);
                    if (t == PlatformerTile.GROUND && (y == 0 || !game.tile(x, y - 1).solid())) {
                        batch.draw(platformerArt.get(PlatformerArt.Piece.GRASS), sx, sy, tile, tile);
                    }
                }
            }
        }
        if (last == w - 1) {
            goal(game, (w - 1 - left) * tile, bottom, tile);
        }
        for (int i = 0; i < game.enemyCount(); i++) {
            if (game.enemyAlive(i)) {
                float ex = session.enemyFromX(i) + (game.enemyX(i) - session.enemyFromX(i)) * progress;
                float ey = session.enemyFromY(i) + (game.enemyY(i) - session.enemyFromY(i)) * progress;
                float waddle = 0.04f * tile * (float) Math.sin(time * 10 + i);
                sprite(PlatformerArt.Piece.WALKER, (ex - left) * tile, bottom + (rows - 1 - ey) * tile + waddle,
                        tile, game.enemyDirection(i) > 0);
            }
        }
        if (py < rows) {
            sprite(PlatformerArt.Piece.RUNNER, (px - left) * tile, bottom + (rows - 1 - py) * tile, tile,
                    session.facing() < 0);
        }
        hud(hud);
        banner(session.banner(), session.result() == Outcome.WIN, "R restart   N new level   ESC menu");
        batch.end();
    }

    /** The art of a platformer tile; null for the ones drawn otherwise (sky, enemies). */
    static PlatformerArt.Piece piece(PlatformerTile t) {
        return switch (t) {
            case GROUND -> PlatformerArt.Piece.GROUND;
            case BRICK -> PlatformerArt.Piece.BRICK;
            case QUESTION -> PlatformerArt.Piece.QUESTION;
            case QUESTION_USED -> PlatformerArt.Piece.QUESTION_USED;
            case PIPE_TOP_LEFT -> PlatformerArt.Piece.PIPE_TOP_LEFT;
            case PIPE_TOP_RIGHT -> PlatformerArt.Piece.PIPE_TOP_RIGHT;
            case PIPE_LEFT -> PlatformerArt.Piece.PIPE_LEFT;
            case PIPE_RIGHT -> PlatformerArt.Piece.PIPE_RIGHT;
            case CANNON_TOP -> PlatformerArt.Piece.CANNON_TOP;
            case CANNON_BODY -> PlatformerArt.Piece.CANNON_BODY;
            case COIN -> PlatformerArt.Piece.COIN;
            case EMPTY, ENEMY -> null;
        };
    }

    /** Clouds and hills behind the level, scrolling slower than it so the level reads as in front. */
    private void scenery(float left, float tile, float bottom, int rows) {
        float cloudLeft = left * 0.5f;
        for (int c = (int) Math.floor(cloudLeft / 11) * 11; c < cloudLeft + width / tile; c += 11) {
            float row = 1.5f + (Math.floorMod(c, 3));
            batch.draw(platformerArt.get(PlatformerArt.Piece.CLOUD), Math.round((c - cloudLeft) * tile),
                    bottom + (rows - 1 - row) * tile, 2 * tile, tile);
        }
        float hillLeft = left * 0.75f;
        for (int c = (int) Math.floor(hillLeft / 17) * 17 + 3; c < hillLeft + width / tile; c += 17) {
            batch.draw(platformerArt.get(PlatformerArt.Piece.HILL), Math.round((c - hillLeft) * tile),
                    bottom + 2 * tile, 4 * tile, 2 * tile);
        }
    }

    /** The last column is the goal: a faint stripe, and a flag on a pole standing on the column's ground. */
    private void goal(PlatformerGame game, float x, float bottom, float tile) {
        int rows = game.level().height();
        rect(x, bottom, tile, tile * rows, new Color(1f, 1f, 1f, 0.18f));
        int ground = rows;
        for (int y = 2; y < rows; y++) {
            if (game.tile(game.width() - 1, y).solid()) {
                ground = y;
                break;
            }
        }
        float top = bottom + (rows - 2) * tile;
        float base = bottom + (rows - ground) * tile;
        rect(x + tile * 0.06f, base, tile * 0.1f, top - base, Color.valueOf("e9e4d8"));
        batch.draw(platformerArt.get(PlatformerArt.Piece.FLAG), x, top, tile, tile);
    }

    private void sprite(PlatformerArt.Piece piece, float x, float y, float tile, boolean flipX) {
        Texture t = platformerArt.get(piece);
        batch.draw(t, Math.round(x), Math.round(y), tile, tile, 0, 0, t.getWidth(), t.getHeight(), flipX, false);
    }

    private void hud(List<String> lines) {
        float top = height - MARGIN;
        rect(0, height - lines.size() * HUD_LINE - 2 * MARGIN + 4, width, lines.size() * HUD_LINE + 2 * MARGIN,
                new Color(0, 0, 0, 0.45f));
        for (int i = 0; i < lines.size(); i++) {
            text(lines.get(i), MARGIN, top - i * HUD_LINE, 1.3f, HUD_TEXT, false);
        }
    }

    private void banner(Optional<String> banner, boolean won, String keys) {
        banner.ifPresent(b -> {
            rect(0, height / 2f - 60, width, 120, new Color(0, 0, 0, 0.7f));
            text(b, width / 2f, height / 2f + 32, 4f, won ? Color.valueOf("f2c14e") : Color.valueOf("e0473a"), true);
            text(keys, width / 2f, height / 2f - 34, 1.2f, HUD_TEXT, true);
        });
    }

    private void rect(float x, float y, float w, float h, Color color) {
        batch.setColor(color);
        batch.draw(white, x, y, w, h);
        batch.setColor(Color.WHITE);
    }

    private void text(String s, float x, float y, float scale, Color color, boolean centred) {
        font.getData().setScale(scale);
        font.setColor(color);
        if (centred) {
            layout.setText(font, s);
            x -= layout.width / 2;
        }
        font.draw(batch, s, x, y);
    }

    @Override
    public void screenshot(Path out) {
        int w = Gdx.graphics.getBackBufferWidth();
        int h = Gdx.graphics.getBackBufferHeight();
        Pixmap shot = Pixmap.createFromFrameBuffer(0, 0, w, h);
        try {
            // The back buffer's alpha is whatever blending left there; a screenshot must be opaque.
            ByteBuffer pixels = shot.getPixels();
            for (int i = 3; i < pixels.limit(); i += 4) {
                pixels.put(i, (byte) 255);
            }
            PixmapIO.PNG png = new PixmapIO.PNG(w * h * 3 / 2);
            try {
                // GL's rows run bottom-up; flip once while writing.
                png.setFlipY(true);
                png.setCompression(Deflater.DEFAULT_COMPRESSION);
                AtomicFiles.write(out, stream -> png.write(stream, shot));
            } finally {
                png.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + out, e);
        } finally {
            shot.dispose();
        }
    }

    @Override
    public void dispose() {
        studio.dispose();
        batch.dispose();
        font.dispose();
        art.dispose();
        platformerArt.dispose();
        white.dispose();
    }
}
