// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "mlmd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mlmd", targets: ["mlmd"]),
        .library(name: "MLMLang", targets: ["MLMLang"]),
        .library(name: "Notebook", targets: ["Notebook"]),
        .library(name: "Site", targets: ["Site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: - C libraries (module.modulemap + shim.h only)
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev", "liblapack-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CNLopt", pkgConfig: "nlopt", providers: [.apt(["libnlopt-dev"])]),
        // r-mathlib's .pc file points at R's own include folder, which it does not install: no pkgConfig.
        .systemLibrary(name: "CRmath", providers: [.apt(["r-mathlib"])]),
        // Duktape runs Debian's KaTeX at build time, so pages carry their math as HTML and MathML.
        .systemLibrary(name: "CDuktape", pkgConfig: "duktape", providers: [.apt(["duktape-dev"])]),
        // System calls Swift's Glibc module leaves out (renameat2 for the site swap).
        .systemLibrary(name: "CLinux"),

        // MARK: - Libraries, dependencies pointing one way: language -> notebook -> site -> cli
        // Numerics only (lm and lmer fits); knows nothing of the interpreter.
        .target(name: "MixedModels", dependencies: ["COpenBLAS", "CNLopt", "CRmath"],
                // As for MLMLang: the fits' state lives in classes used from one thread, and the
                // runtime exclusivity checks cost a measurable share of a GLMM's PIRLS steps.
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(name: "MLMLang", dependencies: ["CRmath", "COpenBLAS", "Graphics", "MixedModels", "DataFrames"],
                resources: [.copy("Datasets")],
                // The evaluator's state lives in classes; runtime exclusivity checks cost a tenth of
                // its time in release builds, and the interpreter is single-threaded per session.
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // Readers for tabular files (xlsx, csv); knows nothing of the interpreter.
        .target(name: "DataFrames", dependencies: [
            "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Graphics"),
        .target(name: "Notebook", dependencies: ["CCmark", "MLMLang"]),
        .target(name: "Site", dependencies: ["CCmark", "CDuktape", "CLinux", "Graphics", "Notebook", "MLMLang"]),
        .executableTarget(name: "mlmd", dependencies: [
            "Notebook", "Site", "MLMLang",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Tests, one target per library
        .testTarget(name: "SystemLibrariesTests",
                    dependencies: ["CCmark", "COpenBLAS", "CLibXML2", "CNLopt", "CRmath"]),
        .testTarget(name: "MixedModelsTests", dependencies: ["MixedModels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MLMLangTests", dependencies: ["MLMLang", "Graphics", "CLibXML2"], resources: [.copy("Conformance")]),
        .testTarget(name: "DataFramesTests", dependencies: ["DataFrames"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "MLMLang", "Site", "CLibXML2"],
                    resources: [.copy("Golden"), .copy("Lessons"), .copy("Screenshots"), .copy("Math")]),
        .testTarget(name: "GraphicsTests", dependencies: ["Graphics", "CLibXML2"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notebook", "CLibXML2"]),
        .testTarget(name: "mlmdTests", dependencies: ["mlmd"]),
    ]
)
