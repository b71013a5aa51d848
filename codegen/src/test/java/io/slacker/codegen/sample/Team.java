package io.slacker.codegen.sample;

import java.util.List;
import java.util.Map;

/** Records nested in records, with generic collections inside. */
public record Team(String name, User lead, List<User> members, Map<String, Integer> scores, Color color) {
}
