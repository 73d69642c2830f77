import Dispatch
import Foundation
import MLMLang

/// Ctrl-C while mlmd runs notebooks: the first stops the running chunk at its next
/// checkpoint (the command then ends without writing anything half-done); a second one ends
/// the process at once.
enum InterruptHandling {
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    static func install() {
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        s.setEventHandler {
            if UserInterrupt.isRequested { _exit(130) }
            UserInterrupt.request()
        }
        s.resume()
        source = s
    }
}
