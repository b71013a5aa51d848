package io.slacker.codegen.sample;

import java.util.List;

/** A generic record: its type argument comes from the method's declared type. */
public record Page<T>(int number, List<T> items) {
}
