package dev.levelgym.envs.cartpole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gymnasium's recorded CartPole-v1 trajectories (see reference/README.md for how they were made). */
final class CartPoleReference {

    /** One CSV row: the state after {@code action} at step {@code t} (t = 0 is the state after reset). */
    record Row(int episode, long seed, int t, int action, double[] state, double reward, boolean terminated,
               boolean truncated) {
    }

    private CartPoleReference() {
    }

    /** Rows grouped by episode, in file order. */
    static Map<Integer, List<Row>> episodes() {
        Map<Integer, List<Row>> episodes = new LinkedHashMap<>();
        try (InputStream in = CartPoleReference.class.getResourceAsStream("/reference/cartpole_reference.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/cartpole_reference.csv is missing from test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            if (!header.equals("episode,seed,integrator,t,action,x,x_dot,theta,theta_dot,reward,terminated,truncated")) {
                throw new IllegalStateException("unexpected header: " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                if (!f[2].equals("euler")) {
                    throw new IllegalStateException("only euler episodes are expected, got " + line);
                }
                int t = Integer.parseInt(f[3]);
                double[] state = {Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[8])};
                Row row = t == 0
                        ? new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), 0, -1, state, Double.NaN, false, false)
                        : new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), t, Integer.parseInt(f[4]), state,
                                Double.parseDouble(f[9]), Boolean.parseBoolean(f[10]), Boolean.parseBoolean(f[11]));
                episodes.computeIfAbsent(row.episode(), e -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return episodes;
    }
}
