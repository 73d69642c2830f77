/// The session's random-number generator state (R's default Mersenne-Twister).
final class RandomNumberState {
}
