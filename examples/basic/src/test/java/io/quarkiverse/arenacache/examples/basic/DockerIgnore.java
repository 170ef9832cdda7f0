package io.quarkiverse.arenacache.examples.basic;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The build context's {@code .dockerignore}, applied as Docker does: rules in order, the last matching rule wins, a
 * rule matches a path when it matches the path or one of its parent directories, {@code !} re-includes.
 */
final class DockerIgnore {

    private record Rule(PathMatcher matcher, boolean reinclude) {
    }

    private final List<Rule> rules = new ArrayList<>();

    DockerIgnore(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String rawLine : Files.readAllLines(file)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean reinclude = line.startsWith("!");
            String pattern = reinclude ? line.substring(1) : line;
            rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), reinclude));
        }
    }

    /** @param relative a path relative to the build context */
    boolean excludes(Path relative) {
        boolean excluded = false;
        for (Rule rule : rules) {
            for (Path candidate = relative; candidate != null; candidate = candidate.getParent()) {
                if (rule.matcher().matches(candidate)) {
                    excluded = !rule.reinclude();
                    break;
                }
            }
        }
        return excluded;
    }
}
