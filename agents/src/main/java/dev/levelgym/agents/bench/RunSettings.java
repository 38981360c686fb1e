package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.levelgym.envs.UserInputException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a training run is, as stored in its {@code run.json}.
 *
 * @param envId           environment id
 * @param envOptions      env options (training and evaluation envs alike)
 * @param agent           agent kind name
 * @param agentConfig     the agent's config as given (null for defaults)
 * @param steps           total training steps; schedules (ε) span them
 * @param seed            the run's seed
 * @param evalEvery       greedy evaluation every this many steps, plus at step 0 and at the end (0: only those two)
 * @param evalEpisodes    episodes per evaluation
 * @param checkpointEvery checkpoint every this many steps (0: only at the end or when stopped)
 * @param numEnvs         env copies trained on in lockstep (and evaluated on); a run.json of an earlier levelgym has
 *                        none and reads as 1
 * @param evalPolicy      how the evaluations pick actions (null: greedy, as before it could be chosen)
 */
public record RunSettings(String envId, Map<String, String> envOptions, String agent, JsonNode agentConfig,
                          long steps, long seed, long evalEvery, int evalEpisodes, long checkpointEvery,
                          Integer numEnvs, EvalPolicy evalPolicy) {

    /** Maximum env copies: each is a whole env in memory, and beyond a few hundred batches stop getting faster. */
    public static final int MAX_NUM_ENVS = 4096;

    /** A run on one env. */
    public RunSettings(String envId, Map<String, String> envOptions, String agent, JsonNode agentConfig, long steps,
                       long seed, long evalEvery, int evalEpisodes, long checkpointEvery) {
        this(envId, envOptions, agent, agentConfig, steps, seed, evalEvery, evalEpisodes, checkpointEvery, 1,
                EvalPolicy.GREEDY);
    }

    public RunSettings {
        if (envId == null || agent == null) {
            throw new UserInputException("a run needs an env id and an agent kind, got " + envId + " and " + agent);
        }
        numEnvs = numEnvs == null ? 1 : numEnvs;
        evalPolicy = evalPolicy == null ? EvalPolicy.GREEDY : evalPolicy;
        if (numEnvs < 1 || numEnvs > MAX_NUM_ENVS) {
            throw new UserInputException("--num-envs must be in 1.." + MAX_NUM_ENVS + ", got " + numEnvs);
        }
        envOptions = new TreeMap<>(envOptions == null ? Map.of() : envOptions);
        if (agentConfig != null && (agentConfig.isNull() || agentConfig.isMissingNode())) {
            agentConfig = null;
        }
        if (steps <= 0) {
            throw new UserInputException("--steps must be positive, got " + steps);
        }
        if (seed < 0) {
            throw new UserInputException("--seed must be non-negative, got " + seed);
        }
        if (evalEvery < 0) {
            throw new UserInputException("--eval-every must be non-negative, got " + evalEvery);
        }
        if (evalEpisodes <= 0) {
            throw new UserInputException("--eval-episodes must be positive, got " + evalEpisodes);
        }
        if (checkpointEvery < 0) {
            throw new UserInputException("--checkpoint-every must be non-negative, got " + checkpointEvery);
        }
    }

    /**
     * Why a run with these settings cannot resume one with {@code stored}'s, or null if it can: the env, its
     * options, the agent and its config, the steps (they set the schedules), the seed and the number of env copies
     * must match.
     */
    public String resumeMismatch(RunSettings stored) {
        if (!envId.equals(stored.envId)) {
            return "--env is " + envId + " but the run was " + stored.envId;
        }
        if (!envOptions.equals(stored.envOptions)) {
            return "env options are " + envOptions + " but the run's were " + stored.envOptions;
        }
        if (!agent.equals(stored.agent)) {
            return "--agent is " + agent + " but the run's was " + stored.agent;
        }
        if (!java.util.Objects.equals(agentConfig, stored.agentConfig)) {
            return "--config differs from the run's: " + stored.agentConfig;
        }
        if (steps != stored.steps) {
            return "--steps is " + steps + " but the run's was " + stored.steps;
        }
        if (seed != stored.seed) {
            return "--seed is " + seed + " but the run's was " + stored.seed;
        }
        if (!numEnvs.equals(stored.numEnvs)) {
            return "--num-envs is " + numEnvs + " but the run's was " + stored.numEnvs;
        }
        if (evalPolicy != stored.evalPolicy) {
            return "--eval-policy is " + evalPolicy.label() + " but the run's was " + stored.evalPolicy.label();
        }
        return null;
    }
}
