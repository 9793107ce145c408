package dev.timekeeper.probe;

/**
 * A probe target that the address policy does not allow; nothing was sent to it.
 */
class ProbeRefusedException extends Exception {

	ProbeRefusedException(String message) {
		super(message);
	}

	static ProbeRefusedException forAddress(String host, String address, String why) {
		return new ProbeRefusedException("refused " + host + ": it resolves to " + address + ", " + why
				+ "; allow it in timekeeper.http-probe.allowed to probe it");
	}

}
