package dev.levelgym.demo.studio;

import dev.levelgym.agents.planning.ShortestPathPolicy;
import dev.levelgym.demo.model.Pilot;
import dev.levelgym.envs.Outcome;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.dungeon.Dungeon;
import dev.levelgym.envs.dungeon.level.DungeonLevel;
import dev.levelgym.envs.platformer.Platformer;
import dev.levelgym.envs.platformer.PlatformerGame;
import dev.levelgym.envs.platformer.level.PlatformerLevel;
import dev.levelgym.envs.platformer.level.PlatformerRules;
import java.util.Random;

/**
 * Play-tests a level K times, with the scripted planner or a checkpointed agent, through the same env the agents
 * train on, each run capped at the env's episode limit.
 *
 * <ul>
 *   <li>Dungeon: run i resets the env with seed {@code seed + i}, so the monsters roam differently each run. The
 *       planner is {@link ShortestPathPolicy} ({@code rollout --agent shortest-path}): it routes around walls and
 *       monsters it sees but never swings the sword.</li>
 *   <li>Platformer: the rules have no randomness, so K runs of one player would be one run. Each run instead plays,
 *       at every tick with probability {@value #NOISE}, a random action in place of the player's (from a generator
 *       seeded with {@code seed + i}): a shaky hand, showing where the level punishes a slip. The planner is
 *       {@link PlatformerPlanner}, which replans from wherever the slip left it, under the world's rules (v1 or v0);
 *       an agent plays under the rules of the version it was trained on.</li>
 * </ul>
 */
public final class Playtest {

    /** Share of platformer ticks replaced by a random action. */
    public static final double NOISE = 0.1;

    private Playtest() {
    }

    /**
     * @param pilot the agent, or null for the planner
     * @throws UserInputException when the level is not well formed, or the agent cannot see it (a full-view agent
     *                            trained on another size)
     */
    public static PlaytestReport run(StudioWorld world, EditGrid grid, Pilot pilot, int runs, long seed) {
        return run(world, grid, pilot, runs, seed, NOISE);
    }

    /** As {@link #run(StudioWorld, EditGrid, Pilot, int, long)} with the platformer's share of random actions. */
    static PlaytestReport run(StudioWorld world, EditGrid grid, Pilot pilot, int runs, long seed, double noise) {
        if (runs < 1) {
            throw new UserInputException("--runs must be at least 1, got " + runs);
        }
        return world instanceof DungeonStudioWorld ? dungeon(DungeonStudioWorld.level(grid), pilot, runs, seed)
                : platformer(PlatformerStudioWorld.level(grid), ((PlatformerStudioWorld) world).rules(), pilot, runs,
                        seed, noise);
    }

    private static PlaytestReport dungeon(DungeonLevel level, Pilot pilot, int runs, long seed) {
        Dungeon env = pilot == null ? Dungeon.of(level) : pilot.dungeonFor(level);
        ShortestPathPolicy planner = pilot == null ? new ShortestPathPolicy(env.observationSpace()) : null;
        Tally tally = new Tally(level.width(), level.height());
        for (int i = 0; i < runs; i++) {
            float[] obs = env.reset(seed + i).observation();
            int steps = 0;
            while (env.outcome() == Outcome.RUNNING && steps < Dungeon.MAX_EPISODE_STEPS) {
                obs = env.step(pilot == null ? planner.act(obs) : pilot.act(obs)).observation();
                steps++;
            }
            int cell = env.game().avatarCell();
            tally.end(env.outcome(), steps, cell % level.width(), cell / level.width());
        }
        return tally.report(pilot == null ? "planner" : pilot.label(), "seeds " + seed + ".." + (seed + runs - 1)
                + ": the monsters roam differently each run");
    }

    private static PlaytestReport platformer(PlatformerLevel level, PlatformerRules rules, Pilot pilot, int runs,
                                             long seed, double noise) {
        Platformer env = pilot == null ? Platformer.of(level, rules) : pilot.platformerFor(level);
        PlatformerPlanner planner = pilot == null ? new PlatformerPlanner(level, env.rules()) : null;
        Tally tally = new Tally(level.width(), level.height());
        for (int i = 0; i < runs; i++) {
            Random slips = new Random(seed + i);
            float[] obs = env.reset(seed + i).observation();
            PlatformerGame g = env.game();
            int steps = 0;
            int x = g.playerX();
            int y = g.playerY();
            while (g.result() == Outcome.RUNNING && steps < Platformer.MAX_EPISODE_STEPS) {
                int action = pilot == null ? planner.act(g) : pilot.act(obs);
                if (slips.nextDouble() < noise) {
                    action = slips.nextInt(PlatformerRules.ACTIONS);
                }
                obs = env.step(action).observation();
                steps++;
                // A fall ends below the level: the heatmap marks the last cell the player was in.
                if (g.playerY() >= 0 && g.playerY() < level.height()) {
                    x = g.playerX();
                    y = g.playerY();
                }
            }
            tally.end(g.result(), steps, x, y);
        }
        return tally.report(pilot == null ? "planner" : pilot.label(), String.format(java.util.Locale.ROOT,
                "%s; %.0f%% of ticks a random action (seeds %d..%d)", env.id(), 100 * noise, seed, seed + runs - 1));
    }

    /** Counts over the runs. */
    private static final class Tally {

        private final int width;
        private final int[] deaths;
        private final int[] stuck;
        private int runs;
        private int wins;
        private long steps;
        private long winSteps;

        Tally(int width, int height) {
            this.width = width;
            this.deaths = new int[width * height];
            this.stuck = new int[width * height];
        }

        void end(Outcome outcome, int runSteps, int x, int y) {
            runs++;
            steps += runSteps;
            switch (outcome) {
                case WIN -> {
                    wins++;
                    winSteps += runSteps;
                }
                case LOSS -> deaths[y * width + x]++;
                case RUNNING -> stuck[y * width + x]++;
            }
        }

        PlaytestReport report(String player, String note) {
            return new PlaytestReport(player, runs, wins, (double) steps / runs,
                    wins == 0 ? Double.NaN : (double) winSteps / wins, width, deaths, stuck, note);
        }
    }
}
