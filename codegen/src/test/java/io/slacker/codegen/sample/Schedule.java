package io.slacker.codegen.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

public record Schedule(LocalDate day, LocalTime at, ZonedDateTime zoned, Instant created, Duration length) {
}
