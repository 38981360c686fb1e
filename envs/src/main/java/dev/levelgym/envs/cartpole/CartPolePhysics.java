package dev.levelgym.envs.cartpole;

/**
 * Gymnasium 1.4.0's CartPole constants and equations, shared by {@link CartPole} and {@link CartPoleVectorEnv} so
 * both integrate bit-identically.
 *
 * <p>Every expression keeps Python's left-to-right evaluation order from {@code cartpole.py}: float64 addition and
 * multiplication are not associative, so reordering would make trajectories drift from Gymnasium's after a few
 * hundred steps. Java (17+) never contracts {@code a * b + c} into a fused multiply-add, which also matters here.
 */
final class CartPolePhysics {

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length, as Gymnasium's {@code length}. */
    static final double LENGTH = 0.5;
    static final double POLEMASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    static final double TAU = 0.02;
    static final double FOUR_THIRDS = 4.0 / 3.0;
    static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    static final double X_THRESHOLD = 2.4;

    private CartPolePhysics() {
    }

    static double force(int action) {
        return action == 1 ? FORCE_MAG : -FORCE_MAG;
    }

    /** numpy's (glibc's) sin, bit for bit over the angles CartPole visits; see {@link GlibcTrig}. */
    static double sin(double theta) {
        return GlibcTrig.sin(theta);
    }

    /** numpy's (glibc's) cos; see {@link GlibcTrig}. */
    static double cos(double theta) {
        return GlibcTrig.cos(theta);
    }

    static double temp(double force, double thetaDot, double sinTheta) {
        return (force + POLEMASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    }

    static double thetaAcc(double sinTheta, double cosTheta, double temp) {
        return (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (FOUR_THIRDS - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
    }

    static double xAcc(double temp, double thetaAcc, double cosTheta) {
        return temp - POLEMASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
    }

    /** Strict comparisons, as Gymnasium: a state exactly on a threshold still counts as balanced, and NaN never ends. */
    static boolean terminated(double x, double theta) {
        return x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
    }
}
