package dev.timekeeper.web;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/** A request body went past {@link ApiProperties#maxRequestSize()}. */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(DataSize limit) {
		super("The request body is larger than the limit of " + limit.toBytes() + " bytes");
	}

}
