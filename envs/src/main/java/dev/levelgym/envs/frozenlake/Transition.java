package dev.levelgym.envs.frozenlake;

/**
 * One possible outcome of taking an action in a FrozenLake state, as an entry of Gymnasium's {@code P[s][a]}
 * list: with {@code probability} the agent lands in {@code nextState}, receives {@code reward} and the episode ends
 * if {@code terminated}.
 */
public record Transition(double probability, int nextState, double reward, boolean terminated) {
}
