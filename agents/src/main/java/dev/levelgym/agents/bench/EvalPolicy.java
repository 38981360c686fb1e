package dev.levelgym.agents.bench;

import dev.levelgym.envs.UserInputException;

/**
 * How an evaluation picks actions. {@link #GREEDY}: the agent's best action, free of randomness (SB3's
 * {@code deterministic=True}; how DQN and tabular agents are judged). {@link #SAMPLE}: an action drawn from the
 * agent's stochastic policy, as Procgen's and CleanRL's evaluations of PPO do: the greedy argmax of a stochastic
 * policy is another policy, which can loop where the trained one does not. Sampled evaluations are reproducible:
 * each episode draws from a generator seeded by its own reset seed.
 */
public enum EvalPolicy {
    GREEDY("greedy"),
    SAMPLE("sample");

    private final String label;

    EvalPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How reports name an evaluation by this policy: "greedy" or "sampled-policy". */
    public String adjective() {
        return this == GREEDY ? "greedy" : "sampled-policy";
    }

    /** The policy called {@code label}; a {@link UserInputException} naming {@code flag} otherwise. */
    public static EvalPolicy parse(String flag, String label) {
        for (EvalPolicy p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new UserInputException(flag + " must be greedy or sample, got '" + label + "'");
    }
}
