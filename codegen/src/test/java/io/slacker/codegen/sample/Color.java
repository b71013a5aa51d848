package io.slacker.codegen.sample;

public enum Color {
  RED, GREEN, BLUE
}
