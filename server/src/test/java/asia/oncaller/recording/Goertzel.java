package asia.oncaller.recording;

/**
 * How strong one frequency is in a stretch of 16-bit samples (the Goertzel algorithm), relative to
 * the stretch's whole energy: near 1 when the stretch is that tone, near 0 when it is absent.
 */
final class Goertzel {

	private Goertzel() {
	}

	static double share(short[] samples, int from, int count, double hz, int rate) {
		double coefficient = 2 * Math.cos(2 * Math.PI * hz / rate);
		double previous = 0;
		double beforePrevious = 0;
		double energy = 0;
		for (int i = from; i < from + count; i++) {
			double current = samples[i] + coefficient * previous - beforePrevious;
			beforePrevious = previous;
			previous = current;
			energy += (double) samples[i] * samples[i];
		}
		double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
		return (energy == 0) ? 0 : 2 * power / (count * energy);
	}

}
