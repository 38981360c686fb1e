package dev.levelgym.cli;

import dev.levelgym.agents.planning.ShortestPathPolicy;
import dev.levelgym.envs.Env;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.registry.Registry;
import dev.levelgym.envs.render.RenderMode;
import dev.levelgym.envs.render.Rendering;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Plays episodes with an agent and prints each episode's return and length, then a summary. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Play episodes of an environment with an agent and report returns.")
final class RolloutCommand implements Callable<Integer> {

    enum Render { none, ansi }

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment id (see 'levelgym envs').")
    private String envId;

    @Option(names = "--agent", defaultValue = "random",
            description = "random (default), or shortest-path: a scripted Dungeon-v0 baseline that walks the shortest "
                    + "path to the key, then the door, ignoring enemies (full view only).")
    private String agent;

    @Option(names = "--episodes", defaultValue = "10", description = "Number of episodes (default ${DEFAULT-VALUE}).")
    private int episodes;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed; episode i uses seed+i for the env and the agent (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--render", defaultValue = "none", description = "none or ansi (draw every step).")
    private Render render;

    @Option(names = {"-o", "--option"}, description = "Env option KEY=VALUE, e.g. -o is_slippery=false.")
    private Map<String, String> options = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (!agent.equals("random") && !agent.equals(ShortestPathPolicy.NAME)) {
            throw new ParameterException(spec.commandLine(),
                    "--agent: unknown agent '" + agent + "'; available: random, " + ShortestPathPolicy.NAME);
        }
        if (episodes <= 0) {
            throw new ParameterException(spec.commandLine(), "--episodes must be positive, got " + episodes);
        }
        Seeds.requireRange(seed, episodes, "--episodes " + episodes);
        PrintWriter out = spec.commandLine().getOut();
        List<EpisodeResult> results = new ArrayList<>();
        try (Env<?, ?> env = Registry.installed().make(envId, options)) {
            ShortestPathPolicy planner = null;
            if (agent.equals(ShortestPathPolicy.NAME)) {
                try {
                    planner = new ShortestPathPolicy(env.observationSpace());
                } catch (UserInputException e) {
                    throw new ParameterException(spec.commandLine(), "--agent: " + e.getMessage());
                }
            }
            out.printf("%-8s %-12s %10s %7s  %s%n", "episode", "seed", "return", "length", "result");
            for (int i = 0; i < episodes; i++) {
                EpisodeResult result = planner == null ? Rollout.random(env, seed + i, e -> draw(e, out))
                        : plan(env, planner, seed + i, out);
                results.add(result);
                out.printf("%-8d %-12d %10.3f %7d  %s%n", i, result.seed(), result.episodeReturn(),
                        result.length(), result.result());
            }
        }
        Summary s = Summary.of(results);
        out.printf("%s, %s agent, %d episodes: return %.3f ± %.3f (min %.3f, max %.3f), mean length %.1f%s%n",
                envId, agent, s.episodes(), s.meanReturn(), s.stdReturn(), s.minReturn(), s.maxReturn(),
                s.meanLength(), Double.isNaN(s.winRate()) ? "" : String.format(", win rate %.3f", s.winRate()));
        return 0;
    }

    /** The planner reads Dungeon-v0's float planes; its constructor has checked the observation space. */
    @SuppressWarnings("unchecked")
    private EpisodeResult plan(Env<?, ?> env, ShortestPathPolicy planner, long episodeSeed, PrintWriter out) {
        Env<float[], Integer> dungeon = (Env<float[], Integer>) env;
        return Rollout.play(dungeon, episodeSeed, planner::act, e -> draw(e, out));
    }

    private void draw(Env<?, ?> env, PrintWriter out) {
        if (render == Render.ansi && env.render(RenderMode.ANSI) instanceof Rendering.Text text) {
            out.println(text.text());
        }
    }
}
