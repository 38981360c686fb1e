package dev.levelgym.envs.check;

import java.util.List;

/**
 * What {@link EnvChecker#check} found. Failures break the {@link dev.levelgym.envs.Env} contract; warnings are
 * allowed by the contract but often mean a bug (e.g. a seed that changes nothing).
 */
public record EnvCheckReport(String env, List<String> failures, List<String> warnings) {

    public EnvCheckReport {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** A multi-line summary: one line per failure and warning. */
    public String summary() {
        StringBuilder out = new StringBuilder(env).append(": ")
                .append(passed() ? "passed" : failures.size() + " failure(s)");
        if (!warnings.isEmpty()) {
            out.append(", ").append(warnings.size()).append(" warning(s)");
        }
        failures.forEach(f -> out.append("\n  FAIL ").append(f));
        warnings.forEach(w -> out.append("\n  WARN ").append(w));
        return out.toString();
    }
}
