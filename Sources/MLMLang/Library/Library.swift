/// The builtin functions, one file per family.
enum Library {
    static func install(into interp: Interpreter) {
        ControlLibrary.install(interp)
        ArithmeticLibrary.install(interp)
        VectorLibrary.install(interp)
        OutputLibrary.install(interp)
        IndexingLibrary.install(interp)
        ConstructorsLibrary.install(interp)
        SequenceLibrary.install(interp)
        MatrixLibrary.install(interp)
        S3Library.install(interp)
        FactorLibrary.install(interp)
        TableLibrary.install(interp)
        ConditionLibrary.install(interp)
        ApplyLibrary.install(interp)
        EnvironmentLibrary.install(interp)
        BaseMiscLibrary.install(interp)
        PackageLibrary.install(interp)
        GgplotLibrary.install(interp)
        LinearModelLibrary.install(interp)
        ReadersLibrary.install(interp)
        LinearModelPrinting.install(interp)
        BroomLibrary.install(interp)
        OptionsLibrary.install(interp)
        DatasetLibrary.install(interp)
        MixedModelLibrary.install(interp)
        MatrixAlgebraLibrary.install(interp)
        StatsLibrary.install(interp)
        StringLibrary.install(interp)
        RandomLibrary.install(interp)
        DataFrameLibrary.installAll(interp)
        interp.baseEnv.epoch.baseFunctionNames = Set(interp.baseEnv.names.filter {
            if case .value(let v)? = interp.baseEnv.binding($0) { return v.isFunction }
            return false
        })
        interp.baseEnv.set("pi", .scalar(Double.pi))
        interp.baseEnv.set("T", .scalar(true))
        interp.baseEnv.set("F", .scalar(false))
        interp.baseEnv.set("LETTERS", .character((UInt8(65)...UInt8(90)).map { String(UnicodeScalar($0)) }))
        interp.baseEnv.set("letters", .character((UInt8(97)...UInt8(122)).map { String(UnicodeScalar($0)) }))
    }
}
