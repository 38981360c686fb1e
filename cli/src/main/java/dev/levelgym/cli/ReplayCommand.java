package dev.levelgym.cli;

import dev.levelgym.envs.Env;
import dev.levelgym.envs.StepResult;
import dev.levelgym.envs.UserInputException;
import dev.levelgym.envs.cartpole.CartPole;
import dev.levelgym.envs.registry.EnvSpec;
import dev.levelgym.envs.registry.Registry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Replays actions from a given CartPole state and prints every state at full float64 precision, so a
 * trajectory from any source (Gymnasium included) can be reproduced and compared from the command line.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay actions from a start state; prints t,action,x,x_dot,theta,theta_dot,reward,"
                + "terminated,truncated per step.")
final class ReplayCommand implements Callable<Integer> {

    enum Integrator { euler, semi_implicit }

    @Spec
    private CommandSpec spec;

    @Option(names = "--env", defaultValue = "CartPole-v1", description = "Environment id (default ${DEFAULT-VALUE}).")
    private String envId;

    @Option(names = "--state", required = true, split = ",", paramLabel = "X,X_DOT,THETA,THETA_DOT",
            description = "Start state, four comma-separated numbers.")
    private double[] state;

    @Option(names = "--actions", required = true, split = ",", paramLabel = "A,A,...",
            description = "Actions to apply, comma-separated (0 = push left, 1 = push right).")
    private int[] actions;

    @Option(names = "--integrator", defaultValue = "euler",
            description = "euler (default, as Gymnasium) or semi-implicit.")
    private String integrator;

    @Override
    public Integer call() {
        if (state.length != 4) {
            throw new ParameterException(spec.commandLine(),
                    "--state needs 4 values (x,x_dot,theta,theta_dot), got " + state.length);
        }
        if (!integrator.equals("euler") && !integrator.equals("semi-implicit")) {
            throw new ParameterException(spec.commandLine(),
                    "--integrator must be euler or semi-implicit, got '" + integrator + "'");
        }
        EnvSpec<?, ?> envSpec = Registry.installed().spec(envId);
        PrintWriter out = spec.commandLine().getOut();
        try (Env<?, ?> env = envSpec.make(Map.of("integrator", integrator))) {
            if (!(env.unwrapped() instanceof CartPole)) {
                throw new ParameterException(spec.commandLine(),
                        "--env: replay from a state supports CartPole environments, not " + envId);
            }
            @SuppressWarnings("unchecked")
            Env<float[], Integer> cartPole = (Env<float[], Integer>) env;
            cartPole.reset(0);
            ((CartPole) env.unwrapped()).setState(state);
            out.println("t,action,x,x_dot,theta,theta_dot,reward,terminated,truncated");
            out.println("0,," + stateColumns((CartPole) env.unwrapped()) + ",,,");
            for (int t = 0; t < actions.length; t++) {
                int action = actions[t];
                if (!cartPole.actionSpace().contains(action)) {
                    throw new ParameterException(spec.commandLine(), "--actions: value " + action + " at position "
                            + (t + 1) + " is not in " + cartPole.actionSpace());
                }
                StepResult<float[]> step = cartPole.step(action);
                out.println((t + 1) + "," + action + "," + stateColumns((CartPole) env.unwrapped()) + ","
                        + step.reward() + "," + step.terminated() + "," + step.truncated());
                if (step.done() && t + 1 < actions.length) {
                    out.flush();
                    throw new UserInputException("the episode ended at t=" + (t + 1) + " ("
                            + (step.terminated() ? "terminated" : "truncated") + "); "
                            + (actions.length - t - 1) + " action(s) after it were not applied");
                }
            }
        }
        return 0;
    }

    private static String stateColumns(CartPole env) {
        double[] s = env.state();
        return s[0] + "," + s[1] + "," + s[2] + "," + s[3];
    }
}
