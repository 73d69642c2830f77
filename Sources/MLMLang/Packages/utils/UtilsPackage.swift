extension RPackage {
    /// R's utils package: str, head and tail, read.csv and friends, data().
    static let utils = RPackage(
        name: "utils", version: "4.2.2",
        s3Methods: ["head.data.frame", "tail.data.frame"],
        install: { interp in
            StrLibrary.install(interp)
            SequenceLibrary.installHeadTail(interp)
            DataFrameIndexing.installHeadTailMethods(interp)
            ReadersLibrary.install(interp)
            PackageLibrary.installData(interp)
        },
        rSource: UtilsRSource.source)
}
