import Foundation

/// Releases values of any depth without recursing once per level on the machine stack.
///
/// Swift frees a value by releasing its children, which free theirs, and so on: a list nested
/// a million deep (`for (i in 1:1e6) x <- list(x)`), a call chain built with `call()` or a long
/// chain of environments would overflow the stack when its last reference goes. Every object
/// on such a chain (a list's element buffer, attributes, calls, environments) hands its
/// children to this trampoline from its deinit instead: the outermost release on a thread
/// drains them one at a time, and the releases nested inside it only queue their children.
enum DeepRelease {
    /// Children taken from an object being freed, waiting to be released.
    enum Pending {
        case values([RValue])
        case attributes([(name: String, value: RValue)])
        case arguments([Argument])
        case bindings(BindingTable)
        case environment(Environment?)
        case expression(Expr)
    }

    /// The per-thread trampoline: whether a drain is running, and what waits for it.
    final class State {
        var draining = false
        var pending: [Pending] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<State>.fromOpaque(pointer).release() }
        }
        return key
    }()

    private static var state: State {
        if let pointer = pthread_getspecific(key) { return Unmanaged<State>.fromOpaque(pointer).takeUnretainedValue() }
        let state = State()
        pthread_setspecific(key, Unmanaged.passRetained(state).toOpaque())
        return state
    }

    /// Takes children that an object being freed owned. Called from deinits only, with the
    /// children already moved out of the object, so that nothing of them is freed inside it.
    static func release(_ children: consuming Pending) {
        let state = self.state
        if state.draining {
            state.pending.append(consume children)
            return
        }
        state.draining = true
        var current: Pending? = consume children
        // Dropping `current` frees what only it held; their deinits queue their own children.
        while current != nil {
            current = nil
            current = state.pending.popLast()
        }
        state.draining = false
    }
}
