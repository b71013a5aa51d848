package io.slacker.web;

import java.time.LocalDate;

public record Receipt(String sku, LocalDate day, byte[] signature) {
}
