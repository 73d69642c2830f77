import Foundation

/// print.default for every kind of value, and the top-level print that dispatches on class.
extension Interpreter {
    /// Prints a value as R's top level does after a visible expression.
    public func printTopLevel(_ value: RValue, env: Environment) throws {
        if knitting, let classes = value.explicitClass, try knitPrint(value, classes: classes, env: env) { return }
        if let classes = value.explicitClass {
            let call = Call(.symbol("print"), [Argument(name: "x", .symbol("x"))])
            if try dispatchInternalGeneric("print", classes: classes, args: [EvaluatedArgument(value)], call: call, env: env) != nil {
                return
            }
        }
        try printDefault(value, env: env)
    }

    /// print.default: objects inside lists and attributes through their print methods.
    func printDefault(_ value: RValue, env: Environment) throws {
        if case .vector(let v) = value, case .list(let items) = v.storage, v.classes == nil, Self.holdsObjects(items.array) {
            try printListDispatching(items.array, names: v.names, prefix: "", env: env)
            return try printExtraAttributes(v, env: env)
        }
        if case .vector(let v) = value, extraAttributes(v).contains(where: { Self.isObject($0.1) }) {
            // An attribute holding an object (try's condition) prints through its print method.
            write(formatForPrint(.vector(v), extraAttributes: false))
            return try printExtraAttributes(v, env: env)
        }
        write(formatForPrint(value))
        // A list nested past what the stack holds printed what fitted and left R's error.
        if let e = pendingUnwind {
            pendingUnwind = nil
            throw e
        }
    }

    private static func isObject(_ value: RValue) -> Bool {
        guard case .vector(let v) = value else { return false }
        return v.classes != nil && !v.isFactor
    }

    private func printExtraAttributes(_ v: RVector, env: Environment) throws {
        for (name, value) in extraAttributes(v) {
            write("attr(,\"\(name)\")\n")
            if Self.isObject(value) { try printTopLevel(value, env: env) } else { write(formatForPrint(value)) }
        }
    }

    /// Whether a list (or a list inside it) holds an object with a class of its own, which
    /// print.default prints through the object's print method (a data frame, a fit, a plot).
    private static func holdsObjects(_ items: [RValue]) -> Bool {
        // A work list rather than recursion: lists may be nested any number of levels deep.
        var pending = [items]
        while let level = pending.popLast() {
            for item in level {
                guard case .vector(let v) = item else { continue }
                if v.classes != nil { if !v.isFactor { return true } else { continue } }
                if case .list(let inner) = v.storage { pending.append(inner.array) }
            }
        }
        return false
    }

    /// print.default of a list whose elements include objects: each element under its tag,
    /// objects through their print methods (plots are drawn), the rest as formatList does.
    private func printListDispatching(_ items: [RValue], names: [String?]?, prefix: String, env: Environment) throws {
        try StackGuard.check()
        for (i, item) in items.enumerated() {
            let tag = Self.listTag(prefix: prefix, name: names?[i] ?? nil, index: i)
            write(tag + "\n")
            if case .vector(let v) = item, case .list(let inner) = v.storage, v.classes == nil {
                if inner.isEmpty { write("list()\n") } else { try printListDispatching(inner.array, names: v.names, prefix: tag, env: env) }
            } else if case .vector(let v) = item, v.classes != nil, !v.isFactor {
                try printTopLevel(item, env: env)
            } else {
                write(formatForPrint(item))
            }
            write("\n")
        }
    }

    /// `$name` (backquoted when not syntactic) or `[[i]]`, after the enclosing tags. As in R,
    /// the tags of deeply nested elements stop growing near 256 characters (TAGBUFLEN): a
    /// name that would pass it becomes `$...` once, an index nothing.
    static func listTag(prefix: String, name: String?, index: Int) -> String {
        let tagLimit = 256
        let length = prefix.utf8.count
        guard let name, !name.isEmpty else {
            let indexWidth = index == 0 ? 0 : Int(log10(Double(index) + 0.5) + 1)
            if length + indexWidth > tagLimit { return prefix }
            return prefix + "[[\(index + 1)]]"
        }
        if length + name.utf8.count > tagLimit { return length <= tagLimit ? prefix + "$..." : prefix }
        return prefix + "$" + (Deparser.isSyntacticName(name) ? name : "`\(name)`")
    }

    var vectorPrinter: VectorPrinter { VectorPrinter(digits: digits, width: width, scipen: scipen) }

    /// The text print.default writes for a value.
    public func formatForPrint(_ value: RValue, quote: Bool = true, maxLevels: Int? = nil, extraAttributes: Bool = true,
                               right: Bool = false) -> String {
        if !extraAttributes, case .vector(var v) = value {
            // The values alone: print.default's attribute lines are the caller's.
            // (A factor keeps its class, which its printing reads.)
            for (name, _) in self.extraAttributes(v) where !(name == "class" && v.isFactor) { v.attributes[name] = nil }
            return formatForPrint(.vector(v), quote: quote, maxLevels: maxLevels, right: right)
        }
        var printer = vectorPrinter
        printer.quote = quote
        printer.right = right
        switch value {
        case .null:
            return "NULL\n"
        case .vector(let v):
            if v.isFactor { return formatFactor(v, maxLevels: maxLevels) }
            if v.classes == ["noquote"] { printer.quote = false }
            if case .list(let items) = v.storage {
                var out = ""
                do {
                    try formatList(items.array, names: v.names, prefix: "", into: &out)
                } catch {
                    // Nested past what the stack holds: what fitted, then R's error.
                    write(out)
                    pendingUnwind = pendingUnwind ?? error
                    return ""
                }
                return out + formatExtraAttributes(v)
            }
            if let dim = v.dim, dim.count == 1 { return formatOneDimensional(v, printer) }
            if v.dim == [0] || (v.classes?.contains("table") == true && v.count == 0) { return "< table of extent 0 >\n" }
            if let dim = v.dim, dim.count > 2 { return formatArray(v, dim: dim, printer) }
            if v.dim == [0, 0] && v.classes?.contains("table") != true { return "<0 x 0 matrix>\n" + formatExtraAttributes(v) }
            if let dim = v.dim, dim.count == 2 {
                return MatrixPrinter(vectors: printer).print(v, rows: dim[0], columns: dim[1]) + formatExtraAttributes(v)
            }
            return printer.print(v) + formatExtraAttributes(v)
        case .closure(let c):
            return Deparser.deparseValue(.closure(c)) + "\n"
        case .builtin(let b):
            return "function (...) .Primitive(\"\(b.name)\")\n"
        case .environment(let e):
            if e === globalEnv { return "<environment: R_GlobalEnv>\n" }
            if e === baseEnv { return "<environment: base>\n" }
            return "<environment>\n"
        case .language(let l):
            return Deparser.deparseLines(l.expr).joined(separator: "\n") + "\n"
        }
    }

    /// Attributes print.default shows after the values (the class too, for classes without a method).
    private func extraAttributes(_ v: RVector) -> [(String, RValue)] {
        v.attributes.entries.filter { name, _ in
            if ["names", "dim", "dimnames", "levels", "tsp", "comment", "row.names"].contains(name) { return false }
            return !(name == "class" && (v.classes == ["noquote"] || v.classes == ["table"]))
        }
    }

    private func formatExtraAttributes(_ v: RVector) -> String {
        extraAttributes(v).map { name, value in
            let tag = "attr(,\"\(name)\")"
            // A plain list attribute tags its elements with the attribute: attr(,"contrasts")$a.
            if case .vector(let l) = value, case .list(let items) = l.storage, !items.isEmpty, l.classes == nil {
                var out = tag + "\n"
                if (try? formatList(items.array, names: l.names, prefix: tag, into: &out)) != nil { return out }
            }
            return tag + "\n" + formatForPrint(value)
        }.joined()
    }

    /// Appends the printout of a list to `out` (one buffer for all levels, so a deep list
    /// prints in linear time).
    private func formatList(_ items: [RValue], names: [String?]?, prefix: String, into out: inout String) throws {
        if items.isEmpty {
            out += "list()\n"
            return
        }
        try StackGuard.check()
        for (i, item) in items.enumerated() {
            let tag = Self.listTag(prefix: prefix, name: names?[i] ?? nil, index: i)
            out += tag + "\n"
            if case .vector(let v) = item, case .list(let inner) = v.storage, !v.isFactor, v.classes == nil {
                try formatList(inner.array, names: v.names, prefix: tag, into: &out)
            } else {
                out += formatForPrint(item)
            }
            out += "\n"
        }
    }

    /// A 1-D array (a one-way table, tapply's result): like a named vector, under a line with
    /// the dimension's name when the dimnames are named.
    private func formatOneDimensional(_ v: RVector, _ printer: VectorPrinter) -> String {
        if v.count == 0 { return v.classes?.contains("table") == true ? "< table of extent 0 >\n" : "numeric(0)\n" }
        var plain = RVector(v.storage)
        var header = ""
        if case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage, let first = items.first {
            if case .vector(let labels) = first { plain.names = Coerce.strings(labels) }
            if let titles = dn.names, let title = titles.first { header = (title ?? "") + "\n" }
        }
        if plain.names == nil { return header + printer.print(plain) }
        return header + printer.print(plain)
    }

    /// Arrays of three or more dimensions: one matrix per slice, headed `, , k` or `, , name = level`.
    private func formatArray(_ v: RVector, dim: [Int], _ printer: VectorPrinter) -> String {
        var labels: [[String?]?] = Array(repeating: nil, count: dim.count)
        var titles: [String?]? = nil
        if case .vector(let dn)? = v.attributes["dimnames"], case .list(let items) = dn.storage {
            for (k, item) in items.enumerated() where k < dim.count { labels[k] = item.asVector.map { Coerce.strings($0) } }
            titles = dn.names
        }
        let sliceSize = dim[0] * dim[1]
        let slices = dim.dropFirst(2).reduce(1, *)
        var out = ""
        for s in 0..<slices {
            var rest = s
            var parts: [String] = []
            for k in 2..<dim.count {
                let index = rest % dim[k]
                rest /= dim[k]
                let label: String? = labels[k].map { index < $0.count ? $0[index] : nil } ?? String(index + 1)
                if let t = titles?[k], !t.isEmpty { parts.append("\(t) = \(label ?? "NA")") } else { parts.append(label ?? "NA") }
            }
            out += ", , " + parts.joined(separator: ", ") + "\n\n"
            var slice = RVector(IndexingLibrary.select(v.storage, (0..<sliceSize).map { s * sliceSize + $0 }))
            slice.attributes["dim"] = .integer([dim[0], dim[1]])
            if labels[0] != nil || labels[1] != nil || titles != nil {
                var dn = RVector(.list([labels[0].map { .character($0) } ?? .null, labels[1].map { .character($0) } ?? .null]))
                if let titles { dn.names = [titles[0] ?? "", titles[1] ?? ""] }
                slice.attributes["dimnames"] = .vector(dn)
            }
            out += MatrixPrinter(vectors: printer).print(slice, rows: dim[0], columns: dim[1]) + "\n"
        }
        return out
    }

    /// print.factor: the labels unquoted, then the levels on one line (shortened to fit).
    func formatFactor(_ v: RVector, maxLevels: Int? = nil) -> String {
        let rawLevels: [String?] = v.attributes["levels"]?.asVector.map { Coerce.strings($0) } ?? []
        let levels = rawLevels.map { $0 ?? "<NA>" }
        guard case .integer(let codes) = v.storage else { return "" }
        var labels = RVector(.character(codes.map { $0 == NAInteger || $0 < 1 || $0 > levels.count ? nil : rawLevels[$0 - 1] }))
        labels.names = v.names
        var printer = vectorPrinter
        printer.quote = false
        printer.naString = "<NA>"
        var out = codes.isEmpty ? "factor(0)\n" : printer.print(labels)
        if maxLevels == 0 { return out }
        let ordered = v.classes?.contains("ordered") ?? false
        let separator = ordered ? " < " : " "
        let header = "Levels: "
        let available = width - (header.count + 3 + 1 + 3)
        var cumulative = 0
        var fit = levels.count
        for (i, l) in levels.enumerated() {
            cumulative += l.displayWidth + separator.count
            if cumulative > available && levels.count > 1 { fit = max(1, i); break }
        }
        if fit >= levels.count {
            out += header + levels.joined(separator: separator) + "\n"
        } else {
            let shown = Array(levels[0..<max(1, fit - 1)]) + ["..."] + (fit > 1 ? [levels[levels.count - 1]] : [])
            out += "\(levels.count) " + header + shown.joined(separator: separator) + "\n"
        }
        return out
    }
}
