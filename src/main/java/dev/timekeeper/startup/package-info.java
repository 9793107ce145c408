/**
 * Start-up: what Timekeeper does once it is ready, to sit idle as lightly as it can.
 */
@NullMarked
package dev.timekeeper.startup;

import org.jspecify.annotations.NullMarked;
