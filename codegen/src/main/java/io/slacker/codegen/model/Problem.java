package io.slacker.codegen.model;

import javax.lang.model.element.Element;

/** A build error: the message, reported at the element it is about. */
record Problem(Element element, String message) {
}
