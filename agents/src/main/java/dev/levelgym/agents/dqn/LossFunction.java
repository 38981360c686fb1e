package dev.levelgym.agents.dqn;

/** The regression loss between Q(s, a) and its TD target, averaged over the batch. */
public enum LossFunction {
    /** Huber with δ = 1: PyTorch's {@code smooth_l1_loss}, which SB3's DQN uses. Robust to large TD errors. */
    HUBER,
    /** Mean squared error, as CleanRL's {@code dqn.py} ({@code F.mse_loss}). */
    MSE
}
