import Foundation
import Synchronization

/// Why evaluation was stopped from outside the R code: a chunk ran past its time limit, or
/// the user pressed Ctrl-C. Not an R condition: tryCatch and try do not catch it, so a loop
/// around them cannot swallow it, and it ends the expression as an interrupt ends it in R.
public struct EvaluationInterrupted: Error, CustomStringConvertible {
    public enum Reason: Equatable {
        case timeLimit(seconds: Double)
        case userInterrupt
        /// The work was no longer wanted (a newer change arrived while `mlmd serve` rebuilt).
        case cancelled
    }
    public let reason: Reason

    public init(reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .timeLimit(let seconds):
            return "reached elapsed time limit of \(Self.formatSeconds(seconds))"
        case .userInterrupt:
            return "interrupted"
        case .cancelled:
            return "cancelled"
        }
    }

    static func formatSeconds(_ s: Double) -> String {
        let text = s == s.rounded() && abs(s) < 1e15 ? String(Int(s)) : String(s)
        return text + (s == 1 ? " second" : " seconds")
    }
}

/// Ctrl-C for the whole process: a signal handler sets it, every running session sees it at
/// its next checkpoint.
public enum UserInterrupt {
    private static let flag = Atomic<Bool>(false)

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
    public static func request() { flag.store(true, ordering: .relaxed) }
}

/// Lets another thread stop one piece of work (a site build and the sessions it runs).
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
    public func cancel() { flag.store(true, ordering: .relaxed) }
}

extension Interpreter {
    /// How many evaluation steps pass between two looks at the clock and the interrupt flag:
    /// a few microseconds of work, so a runaway loop stops well within 100 ms of its limit.
    static let checkpointInterval = 1024

    /// Runs every `checkpointInterval` evaluation steps (R's R_CheckUserInterrupt): stops the
    /// evaluation when the step budget is spent, the deadline has passed or Ctrl-C was pressed.
    ///
    /// The step budget is charged a stretch at a time, here, so the evaluator's hot path only
    /// counts down; a budget set between checkpoints takes effect at the next one.
    func checkpoint() throws {
        stepBudget = stepBudget &- checkpointWindow
        checkpointWindow = 0
        if stepBudget <= 0 { throw RError("evaluation step limit reached") }
        checkpointWindow = min(Self.checkpointInterval, stepBudget)
        checkpointCountdown = checkpointWindow
        try checkInterrupt()
    }

    /// Work done outside the evaluator (a model fit's deviance evaluations) charged to the step
    /// budget, so that the budget bounds kernels too; then the clock and the interrupt flag.
    public func charge(steps: Int) throws {
        stepBudget = stepBudget > steps ? stepBudget - steps : 0
        if stepBudget <= 0 { throw RError("evaluation step limit reached") }
        try checkInterrupt()
    }

    /// Throws if the chunk's time is up, the work was cancelled or the user interrupted; also
    /// for builtins that loop long outside the evaluator.
    public func checkInterrupt() throws {
        if UserInterrupt.isRequested { throw EvaluationInterrupted(reason: .userInterrupt) }
        if cancellation?.isCancelled == true { throw EvaluationInterrupted(reason: .cancelled) }
        if let deadline, DispatchTime.now() >= deadline.time {
            throw EvaluationInterrupted(reason: .timeLimit(seconds: deadline.seconds))
        }
    }
}

/// The moment a chunk must stop, with the limit it came from (for the message).
public struct EvaluationDeadline {
    public let time: DispatchTime
    public let seconds: Double

    public init(seconds: Double, from start: DispatchTime = .now()) {
        self.seconds = seconds
        time = start + .nanoseconds(Int(min(seconds, 1e9) * 1e9))
    }
}
