package dev.levelgym.agents.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
 */
public record BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                            long evalEvery, int evalEpisodes, int threads, Map<String, JsonNode> agentConfigs) {

    public BenchSettings(String envId, Map<String, String> envOptions, List<String> agents, int seeds, long steps,
                         long evalEvery, int evalEpisodes, int threads) {
        this(envId, envOptions, agents, seeds, steps, evalEvery, evalEpisodes, threads, Map.of());
    }

    public BenchSettings {
        envOptions = new TreeMap<>(envOptions == null ? Map.of() : envOptions);
        agents = List.copyOf(agents);
        if (agents.isEmpty()) {
            throw new IllegalArgumentException("--agents needs at least one agent");
        }
        if (agents.stream().distinct().count() != agents.size()) {
            throw new IllegalArgumentException("--agents lists an agent twice: " + agents);
        }
        if (seeds <= 0) {
            throw new IllegalArgumentException("--seeds must be positive, got " + seeds);
        }
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        if (evalEvery <= 0) {
            throw new IllegalArgumentException("--eval-every must be positive, got " + evalEvery);
        }
        if (evalEpisodes <= 0) {
            throw new IllegalArgumentException("--eval-episodes must be positive, got " + evalEpisodes);
        }
        agentConfigs = new LinkedHashMap<>(agentConfigs == null ? Map.of() : agentConfigs);
        for (String name : agentConfigs.keySet()) {
            if (!agents.contains(name)) {
                throw new IllegalArgumentException("--config " + name + "=...: " + name + " is not in --agents " + agents);
            }
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("--threads must be positive, got " + threads);
        }
    }
}
