extension RPackage {
    /// R's utils package: str, head and tail, read.csv and friends, data().
    static let utils = RPackage(
        name: "utils",
        s3Methods: ["head.data.frame", "tail.data.frame"],
        install: { interp in
            StrLibrary.install(interp)
            HeadTail.install(interp)
            ReadersLibrary.install(interp)
            DataSets.install(interp)
            Help.install(interp)
        },
        rSource: UtilsRSource.source)
}
