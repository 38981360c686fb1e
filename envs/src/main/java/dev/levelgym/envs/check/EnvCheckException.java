package dev.levelgym.envs.check;

/** Thrown by {@link EnvChecker#checkOrThrow} when an env breaks its contract; carries the full report. */
public final class EnvCheckException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient EnvCheckReport report;

    public EnvCheckException(EnvCheckReport report) {
        super(report.summary());
        this.report = report;
    }

    public EnvCheckReport report() {
        return report;
    }
}
