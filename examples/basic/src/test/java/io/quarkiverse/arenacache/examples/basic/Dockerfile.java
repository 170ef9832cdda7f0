package io.quarkiverse.arenacache.examples.basic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The few Dockerfile instructions the example's Dockerfiles use, parsed well enough to check them without a Docker
 * engine: line continuations are joined, comments dropped, {@code COPY} split into flags, sources and destination.
 */
record Dockerfile(Path file, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    /** A {@code COPY}: {@code --flag=value} options, one or more sources relative to the build context, one target. */
    record Copy(List<String> flags, List<String> sources, String destination) {

        boolean hasFlag(String prefix) {
            return flags.stream().anyMatch(flag -> flag.startsWith(prefix));
        }
    }

    static Dockerfile parse(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String rawLine : Files.readAllLines(file)) {
            String line = rawLine.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            String whole = pending.toString().strip();
            pending.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            String[] keywordAndRest = whole.split("\\s+", 2);
            instructions.add(new Instruction(keywordAndRest[0].toUpperCase(),
                    keywordAndRest.length > 1 ? keywordAndRest[1].strip() : ""));
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException(file + " ends inside a line continuation");
        }
        return new Dockerfile(file, List.copyOf(instructions));
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** @return the argument of the last instruction {@code keyword}, which is the one in force */
    String last(String keyword) {
        List<String> all = arguments(keyword);
        if (all.isEmpty()) {
            throw new AssertionError(file + " has no " + keyword + " instruction");
        }
        return all.getLast();
    }

    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (String arguments : arguments("COPY")) {
            if (arguments.startsWith("[")) {
                throw new IllegalArgumentException(file + ": the JSON form of COPY is not supported by this check: "
                        + arguments);
            }
            List<String> words = Arrays.asList(arguments.split("\\s+"));
            List<String> flags = words.stream().takeWhile(word -> word.startsWith("--")).toList();
            List<String> paths = words.subList(flags.size(), words.size());
            if (paths.size() < 2) {
                throw new IllegalArgumentException(file + ": COPY needs a source and a destination: " + arguments);
            }
            copies.add(new Copy(flags, paths.subList(0, paths.size() - 1), paths.getLast()));
        }
        return copies;
    }
}
