package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.envs.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A benchmark grid: every agent in {@code agents} trained with seeds {@code 0..seeds-1}.
 *
 * @param envOptions   options for the training and evaluation envs (for Dungeon-v0, over
 *                     {@link ProceduralSplit}'s training defaults)
 * @param evalEvery    greedy evaluation every this many steps (plus step 0 and the end)
 * @param threads      cells run at the same time
 * @param agentConfigs   config per agent name (as {@link AgentKind#create}'s); agents not in it use defaults
 * @param checkpointEvery each cell checkpoints every this many steps, so that an interrupted benchmark resumes
 *                        near where it stopped (0: only at the end of a cell)
 * @param numEnvs         env copies each cell trains on in lockstep (null: 1)
 * @param testLevels      a folder of level files every cell is also tested on after training (each file
 *                        {@code evalEpisodes} times), or null
 * @param evalPolicy      how every evaluation picks actions (null: greedy)
 */
public record BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                            long evalEvery, int evalEpisodes, int threads, Map<String, JsonNode> agentConfigs,
                            long checkpointEvery, Integer numEnvs, String testLevels, EvalPolicy evalPolicy) {

    public BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                         long evalEvery, int evalEpisodes, int threads, Map<String, JsonNode> agentConfigs,
                         long checkpointEvery) {
        this(envId, envOptions, agents, seeds, steps, evalEvery, evalEpisodes, threads, agentConfigs,
                checkpointEvery, 1, null, EvalPolicy.GREEDY);
    }

    public BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                         long evalEvery, int evalEpisodes, int threads) {
        this(envId, envOptions, agents, seeds, steps, evalEvery, evalEpisodes, threads, Map.of());
    }

    /** Checkpoints at every evaluation. */
    public BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                         long evalEvery, int evalEpisodes, int threads, Map<String, JsonNode> agentConfigs) {
        this(envId, envOptions, agents, seeds, steps, evalEvery, evalEpisodes, threads, agentConfigs, evalEvery);
    }

    public BenchSettings {
        envOptions = new TreeMap<>(envOptions == null ? Map.of() : envOptions);
        agents = List.copyOf(agents);
        if (agents.isEmpty()) {
            throw new UserInputException("--agents needs at least one agent");
        }
        if (agents.stream().distinct().count() != agents.size()) {
            throw new UserInputException("--agents lists an agent twice: " + agents);
        }
        if (seeds <= 0) {
            throw new UserInputException("--seeds must be positive, got " + seeds);
        }
        if (steps <= 0) {
            throw new UserInputException("--steps must be positive, got " + steps);
        }
        if (evalEvery <= 0) {
            throw new UserInputException("--eval-every must be positive, got " + evalEvery);
        }
        if (evalEpisodes <= 0) {
            throw new UserInputException("--eval-episodes must be positive, got " + evalEpisodes);
        }
        agentConfigs = new LinkedHashMap<>(agentConfigs == null ? Map.of() : agentConfigs);
        for (String name : agentConfigs.keySet()) {
            if (!agents.contains(name)) {
                throw new UserInputException("--config " + name + "=...: " + name + " is not in --agents " + agents);
            }
        }
        if (threads <= 0) {
            throw new UserInputException("--threads must be positive, got " + threads);
        }
        if (checkpointEvery < 0) {
            throw new UserInputException("--checkpoint-every must be non-negative, got " + checkpointEvery);
        }
        numEnvs = numEnvs == null ? 1 : numEnvs;
        evalPolicy = evalPolicy == null ? EvalPolicy.GREEDY : evalPolicy;
        if (numEnvs < 1 || numEnvs > RunSettings.MAX_NUM_ENVS) {
            throw new UserInputException("--num-envs must be in 1.." + RunSettings.MAX_NUM_ENVS + ", got " + numEnvs);
        }
    }

    /**
     * Why a benchmark with these settings cannot resume one with {@code stored}'s, or null if it can. Everything
     * that shapes the results must match; the thread count and the checkpoint interval may differ.
     */
    public String resumeMismatch(BenchSettings stored) {
        if (!envId.equals(stored.envId)) {
            return "--env is " + envId + " but the benchmark's was " + stored.envId;
        }
        if (!envOptions.equals(stored.envOptions)) {
            return "--option: env options are " + envOptions + " but the benchmark's were " + stored.envOptions;
        }
        if (!agents.equals(stored.agents)) {
            return "--agents is " + String.join(",", agents) + " but the benchmark's was "
                    + String.join(",", stored.agents);
        }
        if (seeds != stored.seeds) {
            return "--seeds is " + seeds + " but the benchmark's was " + stored.seeds;
        }
        if (steps != stored.steps) {
            return "--steps is " + steps + " but the benchmark's was " + stored.steps;
        }
        if (evalEvery != stored.evalEvery) {
            return "--eval-every is " + evalEvery + " but the benchmark's was " + stored.evalEvery;
        }
        if (evalEpisodes != stored.evalEpisodes) {
            return "--eval-episodes is " + evalEpisodes + " but the benchmark's was " + stored.evalEpisodes;
        }
        if (!numEnvs.equals(stored.numEnvs)) {
            return "--num-envs is " + numEnvs + " but the benchmark's was " + stored.numEnvs;
        }
        if (evalPolicy != stored.evalPolicy) {
            return "--eval-policy is " + evalPolicy.label() + " but the benchmark's was " + stored.evalPolicy.label();
        }
        if (!java.util.Objects.equals(testLevels, stored.testLevels)) {
            return "--test-levels is " + testLevels + " but the benchmark's was " + stored.testLevels;
        }
        for (String agent : agents) {
            if (!java.util.Objects.equals(agentConfigs.get(agent), stored.agentConfigs.get(agent))) {
                return "--config " + agent + "=...: the config differs from the benchmark's, "
                        + (stored.agentConfigs.get(agent) == null ? "which used the defaults"
                        : stored.agentConfigs.get(agent).toString());
            }
        }
        return null;
    }
}
