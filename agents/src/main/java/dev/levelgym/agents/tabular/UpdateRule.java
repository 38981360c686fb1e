package dev.levelgym.agents.tabular;

/** Which action value a temporal-difference target bootstraps from. */
public enum UpdateRule {
    /** Off-policy: {@code max_a Q(s', a)} (Sutton &amp; Barto 2018, eq. 6.8). */
    Q_LEARNING,
    /** On-policy: {@code Q(s', a')} for the ε-greedy action {@code a'} actually taken next (eq. 6.7). */
    SARSA
}
