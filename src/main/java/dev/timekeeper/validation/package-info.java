/**
 * The vocabulary every feature uses to say what is wrong with a request: named fields and
 * a message each. The web layer turns it into a 400 Problem Details answer.
 */
@NullMarked
package dev.timekeeper.validation;

import org.jspecify.annotations.NullMarked;
