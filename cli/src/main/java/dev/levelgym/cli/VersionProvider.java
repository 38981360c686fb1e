package dev.levelgym.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (or "development" when run from classes) and the plugins present. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        List<String> plugins = new ArrayList<>();
        for (Plugin p : Plugin.values()) {
            plugins.add(p.id() + (p.installed() ? " (installed)" : " (not installed: " + p.buildCommand() + ")"));
        }
        return new String[] {"levelgym " + (version == null ? "development" : version),
                "plugins: " + String.join(", ", plugins)};
    }
}
