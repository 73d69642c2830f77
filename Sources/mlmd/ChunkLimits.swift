import ArgumentParser
import Notebook

/// The time limit for chunks, shared by the commands that run notebooks.
struct ChunkLimits: ParsableArguments {
    @Option(name: .customLong("chunk-timeout"),
            help: "Seconds a chunk may run before it is stopped with an error (0: no limit; a chunk's `timeout` option overrides it).")
    var chunkTimeout: Double = Knitter.defaultChunkTimeout

    func validate() throws {
        guard chunkTimeout >= 0, chunkTimeout.isFinite else {
            throw ValidationError("--chunk-timeout must be a number of seconds, 0 or more")
        }
    }
}
