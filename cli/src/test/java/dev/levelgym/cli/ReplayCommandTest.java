package dev.levelgym.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    // Episode 0 (seed 0) of Gymnasium 1.4.0's CartPole-v1, from shared/reference/cartpole_reference.csv.
    private static final String START = "0.013696168732145436,-0.02302132862361297,-0.045902647606380534,-0.04834723644714709";
    private static final double[][] EXPECTED = {
        {0.013235742159673177, -0.2174560418364429, -0.04686959233532348, 0.22950698447811793},
        {0.00888662132294432, -0.021696746747021045, -0.04227945264576112, -0.07758410584835249},
        {0.008452686388003899, -0.2161878956767479, -0.04383113476272817, 0.2014654529376246},
    };

    @Test
    void replaysGymnasiumTrajectoryExactly() {
        CliRun run = CliRun.of("replay", "--state", START, "--actions", "0,1,0");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("t,action,x,x_dot,theta,theta_dot,reward,terminated,truncated", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,,") && lines.get(1).endsWith(",,,"), lines.get(1));
        for (int t = 1; t <= 3; t++) {
            String[] cols = lines.get(t + 1).split(",", -1);
            assertEquals(String.valueOf(t), cols[0]);
            for (int k = 0; k < 4; k++) {
                assertEquals(EXPECTED[t - 1][k], Double.parseDouble(cols[2 + k]), 0.0, "t=" + t + " col " + k);
            }
            assertEquals("1.0", cols[6]);
            assertEquals("false", cols[7]);
            assertEquals("false", cols[8]);
        }
    }

    @Test
    void semiImplicitIntegratorGivesADifferentTrajectory() {
        CliRun euler = CliRun.of("replay", "--state", START, "--actions", "0,1,0");
        CliRun semi = CliRun.of("replay", "--state", START, "--actions", "0,1,0", "--integrator", "semi-implicit");
        assertEquals(0, semi.exitCode(), semi.err());
        assertEquals(euler.out().lines().limit(2).toList(), semi.out().lines().limit(2).toList());
        assertTrue(!euler.out().equals(semi.out()));
    }

    @Test
    void stopsWithAnErrorWhenActionsOutlastTheEpisode() {
        CliRun run = CliRun.of("replay", "--state", "2.39,1,0,0", "--actions", "1,1,1");
        assertEquals(2, run.exitCode());
        assertTrue(run.out().lines().anyMatch(l -> l.endsWith(",true,false")), run.out());
        assertTrue(run.err().contains("ended at t=1"), run.err());
    }

    @Test
    void badStateAndActionsNameTheFlag() {
        CliRun shortState = CliRun.of("replay", "--state", "0,0,0", "--actions", "1");
        assertEquals(2, shortState.exitCode());
        assertTrue(shortState.err().contains("--state"), shortState.err());
        CliRun badAction = CliRun.of("replay", "--state", "0,0,0,0", "--actions", "1,2");
        assertEquals(2, badAction.exitCode());
        assertTrue(badAction.err().contains("--actions") && badAction.err().contains("Discrete(2)"), badAction.err());
    }
}
