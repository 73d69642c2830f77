/// Components of R lists by name (`x$name` without partial matching), as every package's
/// objects (fits, plots, tables) are read.
enum ListFields {
    static func field(_ v: RValue, _ name: String) -> RValue? {
        guard case .vector(let vec) = v, case .list(let items) = vec.storage, let k = vec.names?.firstIndex(of: name) else { return nil }
        return items[k]
    }
}

