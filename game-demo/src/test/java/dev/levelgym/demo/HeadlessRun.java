package dev.levelgym.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link DemoGame} on LibGDX's headless backend until it exits. The backend loops on its own thread, so
 * failures there are caught and rethrown here; {@code Gdx.*} statics are cleared afterwards.
 */
final class HeadlessRun {

    private HeadlessRun() {
    }

    static DemoGame run(DemoGame game) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ApplicationListener guard = new ApplicationListener() {
            @Override
            public void create() {
                call(game::create);
            }

            @Override
            public void resize(int width, int height) {
                call(() -> game.resize(width, height));
            }

            @Override
            public void render() {
                call(game::render);
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void dispose() {
                call(game::dispose);
                done.countDown();
            }

            private void call(Runnable r) {
                try {
                    r.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    done.countDown();
                    Gdx.app.exit();
                }
            }
        };
        HeadlessApplicationConfiguration cfg = new HeadlessApplicationConfiguration();
        // 0 renders as fast as possible (a negative value would not render at all).
        cfg.updatesPerSecond = 0;
        new HeadlessApplication(guard, cfg);
        try {
            assertTrue(done.await(60, TimeUnit.SECONDS), "the headless game did not exit");
        } finally {
            Gdx.app = null;
            Gdx.graphics = null;
            Gdx.input = null;
            Gdx.files = null;
            Gdx.net = null;
            Gdx.audio = null;
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return game;
    }
}
