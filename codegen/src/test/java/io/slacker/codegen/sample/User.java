package io.slacker.codegen.sample;

import java.util.List;

public record User(long id, String name, List<String> tags) {
}
