/// `x[i] <- v` and `x[[i]] <- v` on one element of a local vector (and `l[[k]] <- v` on one
/// element of a local list), done in place.
///
/// The general path of a replacement calls `[<-` with the current value, which then shares
/// its buffer with the binding, so every assignment copied the whole vector: a loop filling
/// a vector element by element was quadratic. When nothing can observe the difference (the
/// base `[<-` or `[[<-` is the function R would call, the vector has no class, the index is
/// one whole number within the vector, the value one element of the same type), the element
/// is written in the binding's own storage, as R does for a value with a single reference.
/// Anything else takes the general path.
extension Interpreter {
    func assignElementInPlace(_ target: Call, _ value: RValue, in env: Environment) throws -> Bool {
        guard let fname = target.functionName, fname == "[" || fname == "[[", target.arguments.count == 2,
              target.arguments.allSatisfy({ $0.name == nil }),
              case .symbol(let name) = target.arguments[0].value,
              let position = plainIndex(target.arguments[1].value, env) else { return false }
        // One element of an atomic vector, or (`l[[k]] <- v`) any value but NULL, which would
        // delete the element, into a list.
        let atomic: Storage?
        if case .vector(let replacement) = value, replacement.count == 1, replacement.attributes.isEmpty,
           replacement.storage.rank < 4 {
            atomic = replacement.storage
        } else if fname == "[[", !value.isNullValue {
            atomic = nil
        } else {
            return false
        }
        guard case .builtin? = try? lookupFunction(fname + "<-", env) else { return false }
        let done = env.modifyValue(name) { current -> Bool in
            guard case .vector(var vector) = current, vector.attributes["class"] == nil,
                  position >= 1, position <= vector.count else { return false }
            let isList = vector.storage.rank == 4
            if isList ? fname != "[[" : atomic == nil { return false }
            // Give up the binding's own reference, so that `vector` alone holds the storage.
            current = .null
            let written = isList ? Self.writeListElement(&vector.storage, position - 1, value)
                : Self.writeElement(&vector.storage, position - 1, atomic ?? .logical([]))
            current = .vector(vector)
            return written
        }
        return done ?? false
    }

    /// `l[[k]] <- v` into a list.
    private static func writeListElement(_ storage: inout Storage, _ k: Int, _ value: RValue) -> Bool {
        guard case .list(var items) = storage else { return false }
        // The storage lets go of the elements first, so that `items` alone holds them.
        storage = .logical([])
        items[k] = value
        storage = .list(items)
        return true
    }

    /// The index of `x[i]` when it is a literal or a variable already holding a single whole
    /// number without attributes (reading it runs no code); nil otherwise.
    private func plainIndex(_ expr: Expr, _ env: Environment) -> Int? {
        let index: RValue
        switch expr {
        case .constant(let v): index = v
        case .symbol(let s):
            guard case .value(let v)? = env.lookupFrame(s)?.binding(s) else { return nil }
            index = v
        default: return nil
        }
        guard case .vector(let v) = index, v.count == 1, v.attributes.isEmpty else { return nil }
        switch v.storage {
        case .integer(let a): return a[0] == NAInteger ? nil : a[0]
        case .double(let a):
            let d = a[0]
            guard d.isFinite, d == d.rounded(.towardZero), abs(d) < 1e15 else { return nil }
            return Int(d)
        default: return nil
        }
    }

    /// Writes one element when the types agree (an integer into a double vector too, as R
    /// coerces it); false when R would change the vector's type. As in writeListElement, the
    /// storage lets go of its array before the write, so that the array alone holds it.
    private static func writeElement(_ storage: inout Storage, _ k: Int, _ value: Storage) -> Bool {
        switch value {
        case .double(let v):
            guard case .double(var a) = storage else { return false }
            storage = .logical([])
            a[k] = v[0]
            storage = .double(a)
        case .integer(let v):
            if case .double(var a) = storage {
                storage = .logical([])
                a[k] = v[0] == NAInteger ? NAReal : Double(v[0])
                storage = .double(a)
            } else if case .integer(var a) = storage {
                storage = .logical([])
                a[k] = v[0]
                storage = .integer(a)
            } else {
                return false
            }
        case .logical(let v):
            guard case .logical(var a) = storage else { return false }
            storage = .logical([])
            a[k] = v[0]
            storage = .logical(a)
        case .character(let v):
            guard case .character(var a) = storage else { return false }
            storage = .logical([])
            a[k] = v[0]
            storage = .character(a)
        case .list:
            return false
        }
        return true
    }
}
