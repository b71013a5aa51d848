package io.slacker.codegen.sample;

public record Boxes(Integer i, Long l, Double d, Boolean b, Character c) {
}
