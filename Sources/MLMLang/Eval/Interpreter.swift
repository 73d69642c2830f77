import MixedModels
import Foundation
import Graphics

/// One R session: global environment, base library, options, output and random-number state.
public final class Interpreter {
    public let baseEnv: Environment
    public let globalEnv: Environment
    /// Whether the value of the last top-level expression should be printed.
    public var visible = true
    /// Set while a notebook is knitted: visible values go through knitr's knit_print methods.
    public var knitting = false
    /// grDevices' palette(): the colours numbers name in base graphics (col = 2).
    var colourPalette: [String] = DiscretePalettes.base["R4"] ?? ["black"]
    /// Handlers of tryCatch and withCallingHandlers in force, innermost last.
    var handlerStack: [HandlerEntry] = []
    /// An unwind requested while a builtin could not throw; thrown when the builtin returns.
    var pendingUnwind: Error?
    var nextHandlerOwner = 0
    /// on.exit expressions of closure calls in progress, by their environment.
    var exitHandlers: [ObjectIdentifier: [Expr]] = [:]
    /// Calls that conditions name, innermost last: closures, and tryCatch's own frame.
    var conditionCalls: [Call] = []
    /// Receives everything the session prints or signals.
    public var emit: (OutputEvent) -> Void = { _ in }
    /// Folder that relative paths are resolved against.
    public var workingDirectory: URL
    public var options: [String: RValue] = [:]
    /// Evaluation steps left before the session gives up; guards tests against runaway code.
    public var stepBudget = Int.max
    /// Evaluation steps left before the next checkpoint, and how many the current stretch
    /// between checkpoints was given (see Interruption.swift).
    var checkpointCountdown = 0
    var checkpointWindow = 0
    /// When the code being run must stop (a chunk's time limit); nil for no limit.
    public var deadline: EvaluationDeadline?
    /// Stops the code being run when another thread cancels it (nil: never).
    public var cancellation: CancellationFlag?
    /// The calls of closures being evaluated, innermost last (for `sys.call`, warnings and errors).
    var frames: [Frame] = []
    /// Width and height in inches of figures drawn now (the chunk's fig.width and fig.height).
    public var figureSize = (width: 7.0, height: 5.0)
    /// Models fitted in this session (lmer fits), referred to by R objects by position.
    var fittedModels: [AnyObject] = []
    /// Figures drawn so far, to give each SVG unique element ids.
    var figureCounter = 0
    /// The base-graphics figure last drawn, which abline, lines, points and qqline add to.
    var currentBasePlot: BasePlot?
    /// The theme ggplot2's theme_set() made current (its ggplot_global$theme_current), applied
    /// under each plot's own theme; nil until theme_set is called.
    var ggplotCurrentTheme: RValue?
    /// The deprecations lifecycle has warned about in this session: it warns about each once.
    var lifecycleWarningsGiven: Set<String> = []
    var currentBasePlotID = "figure"
    /// par(mfrow) / par(mfcol): base figures fill a page of rows x columns panels; the panels of
    /// the page being filled, the last being `currentBasePlot`.
    var baseLayout = BasePage.Layout.single
    /// par(mar) for the figures that follow, in lines (bottom, left, top, right).
    var baseMargins = BasePlot.defaultMargins
    var basePagePanels: [BasePlot] = []

    /// A new chunk starts with one figure per page, as knitr resets par() for each chunk.
    public func resetBaseGraphicsLayout() {
        baseLayout = .single
        baseMargins = BasePlot.defaultMargins
        basePagePanels = []
    }
    /// Every file the session read (absolute paths, first read first), so that a site build
    /// knows which data a notebook's output depends on.
    public private(set) var filesRead: [String] = []

    func recordRead(_ path: String) {
        let absolute = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL.path
        if !filesRead.contains(absolute) { filesRead.append(absolute) }
    }

    /// What each lmer fit was built from, for refitting by maximum likelihood (anova, ranova).
    var mixedModelInputs: [ObjectIdentifier: (DesignMatrix, [Double], [RandomEffectsTerm])] = [:]
    /// Each lmer fit's fixed-effect terms: their labels and, per column of X, the term it belongs
    /// to (0 for the intercept), as model.matrix's "assign" (for lmerTest's anova).
    var mixedModelFixedTerms: [ObjectIdentifier: (labels: [String], assign: [Int])] = [:]
    /// Each lmer fit's factor levels in its fixed part, for predictions on new data.
    var mixedModelFactorLevels: [ObjectIdentifier: [String: [String]]] = [:]

    /// The ggplot printed last, which ggsave saves when given no plot (ggplot2's last_plot()).
    var lastPlot: RValue?
    /// Packages attached at start-up or with library() or require(), in order.
    var attached: [String] = []
    /// Every provided package's namespace, by package name (see Namespaces/).
    var namespaces: [String: Namespace] = [:]
    /// S3 methods that namespaces register without exporting, by method name (summary.merMod).
    var s3Methods: [String: RValue] = [:]
    /// The namespaces of registered S3 methods written in R (whose s3Methods entry is a loader).
    var rSourceMethodHomes: [String: Environment] = [:]
    /// Chunk-option defaults set with knitr's opts_chunk$set, for the chunks that follow.
    public internal(set) var chunkOptionDefaults: [(name: String, value: RValue)] = []
    /// What knitr's opts_knit$set was given (mlmd's knitter uses none of it).
    var knitOptions: [(name: String, value: RValue)] = []
    /// Packages whose R source has been run in this session (see RSource).
    var loadedRSources: Set<String> = []
    /// The functions `.Internal(f(...))` reaches: kernels under functions written in R, bound
    /// in no namespace (as R's are not).
    var internalFunctions: [String: Builtin] = [:]
    /// Where define() files a builtin: the namespace of the package being installed.
    var installTarget: Environment
    /// The state behind set.seed, rnorm, runif and sample.
    let random = RandomNumberState()

    struct Frame {
        let call: Call
        let env: Environment
        let function: Closure
        /// The arguments as supplied, which UseMethod and NextMethod pass on.
        let supplied: [(name: String?, promise: Promise?)]
        /// Where the call was made from (`parent.frame()`).
        let callerEnv: Environment
        /// For S3 methods: what NextMethod needs to continue dispatch.
        var dispatch: DispatchState?
    }

    public struct DispatchState {
        let generic: String
        let classes: [String]
        let position: Int
        let object: RValue
    }

    public init(workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        baseEnv = Environment(parent: nil, name: "base")
        globalEnv = Environment(parent: baseEnv, name: "R_GlobalEnv")
        installTarget = baseEnv
        self.workingDirectory = workingDirectory
        options = ["digits": .scalar(7), "width": .scalar(80), "OutDec": .scalar("."), "scipen": .scalar(0),
                   "useFancyQuotes": .scalar(false),
                   "warn": .scalar(0), "contrasts": Interpreter.defaultContrasts, "na.action": .scalar("na.omit")]
        // options(useFancyQuotes) is process-wide (see Quotes); a new session starts from the default.
        installPackages()
    }

    /// options("contrasts"): the functions that code unordered and ordered factors in models.
    static var defaultContrasts: RValue {
        var v = RVector(.character(["contr.treatment", "contr.poly"]))
        v.names = ["unordered", "ordered"]
        return .vector(v)
    }

    public var digits: Int { options["digits"]?.asVector.flatMap { intValue($0) } ?? 7 }
    public var width: Int { options["width"]?.asVector.flatMap { intValue($0) } ?? 80 }
    public var scipen: Int { options["scipen"]?.asVector.flatMap { intValue($0) } ?? 0 }

    private func intValue(_ v: RVector) -> Int? {
        switch v.storage {
        case .integer(let a): return a.first
        case .double(let a): return a.first.map { $0.saturatingInt }
        default: return nil
        }
    }

    public func define(_ name: String, special: @escaping (CallContext, [Argument]) throws -> RValue) {
        installTarget.set(name, .builtin(Builtin(name: name, body: .special(special))))
    }

    public func define(_ name: String, _ body: @escaping (CallContext, [EvaluatedArgument]) throws -> RValue) {
        installTarget.set(name, .builtin(Builtin(name: name, body: .eager(body))))
    }

    /// A kernel for `.Internal(name(...))`, out of sight of R code otherwise.
    func defineInternal(_ name: String, _ body: @escaping (CallContext, [EvaluatedArgument]) throws -> RValue) {
        internalFunctions[name] = Builtin(name: name, body: .eager(body))
    }

    /// A package object that is not a function (pi, letters).
    func define(_ name: String, value: RValue) {
        installTarget.set(name, value)
    }

    /// A builtin operator with a fast entry for exactly two unnamed operands.
    func define(_ name: String, _ body: @escaping (CallContext, [EvaluatedArgument]) throws -> RValue,
                binary: @escaping (RValue, RValue, CallContext) throws -> RValue) {
        var b = Builtin(name: name, body: .eager(body))
        b.binary = binary
        installTarget.set(name, .builtin(b))
    }

    // MARK: - Output

    public func write(_ text: String) { emit(.text(text)) }

    public func message(_ text: String) { emit(.message(text)) }

    /// The call of the innermost closure (or tryCatch frame), which `stop()` and `warning()` report.
    var currentClosureCall: Call? { conditionCalls.last }
}
