import XCTest
@testable import MLMLang

/// Every object mlmd defines lives in the package R has it in: checked against R's own lists
/// (Sources/MLMLang/Namespaces/PackageIndexTables.swift, written by scripts/generate-package-index.R).
final class PackageNamespaceTests: XCTestCase {
    /// Packages mlmd does not provide whose objects it files under the package that
    /// re-exports them in R (tibble re-exports pillar's glimpse).
    static let standIns = ["pillar": "tibble", "tidyselect": "dplyr", "generics": "broom", "nlme": "lme4"]

    let index = PackageIndex.shared
    let interpreter = Interpreter()

    /// The packages whose R objects may appear in `package`'s namespace in mlmd.
    func homes(of package: String) -> [String] {
        [package] + Self.standIns.filter { $0.value == package }.map(\.key)
    }

    /// The small table of shared names is the big one's rows for names several packages export.
    func testSharedNamesAreTheIndexRows() {
        XCTAssertEqual(index.holders["filter"]?.map(\.package).sorted(), ["dplyr", "stats"])
        for (name, holders) in index.holders {
            XCTAssertGreaterThan(holders.count, 1, name)
            for holder in holders { XCTAssertEqual(index.exports(of: holder.package)[name]?.home, holder.object.home, name) }
        }
    }

    /// Looking one name up finds what reading the package's rows finds.
    func testOneNameLookupAgreesWithThePackageRows() {
        for package in ["dplyr", "lme4", "base"] {
            let all = index.exports(of: package)
            for (name, object) in all {
                XCTAssertEqual(index.export(name, of: package)?.home, object.home, "\(package)::\(name)")
                XCTAssertEqual(index.export(name, of: package)?.isFunction, object.isFunction, "\(package)::\(name)")
            }
        }
        XCTAssertNil(index.export("no_such_object", of: "dplyr"))
        XCTAssertNil(index.export("filter", of: "lme4"))
    }

    func testTheIndexIsR() {
        XCTAssertGreaterThan(index.exports(of: "base").count, 1000)
        XCTAssertEqual(index.exports(of: "lme4")["lmer"]?.isFunction, true)
        XCTAssertEqual(index.exports(of: "dplyr")["%>%"]?.home, "magrittr")
        XCTAssertTrue(index.s3Methods(of: "lme4").contains("summary.merMod"))
    }

    /// ls("package:P") in mlmd is a subset of ls("package:P") in R.
    func testEachExportIsExportedByThatPackageInR() throws {
        for package in RPackage.all {
            let namespace = try XCTUnwrap(interpreter.namespaces[package.name])
            let rExports = index.exports(of: package.name)
            for name in namespace.exports + package.datasets {
                XCTAssertNotNil(rExports[name], "\(package.name) exports \(name), which R's \(package.name) does not")
            }
        }
    }

    /// Everything a namespace defines is, in R, an export of that package (or of the package it
    /// stands in for), or an S3 method one of them registers.
    func testEachDefinitionBelongsToItsPackageInR() throws {
        for package in RPackage.all {
            let namespace = try XCTUnwrap(interpreter.namespaces[package.name])
            let homes = homes(of: package.name)
            let exports = homes.map { index.exports(of: $0) }, methods = homes.map { index.s3Methods(of: $0) }
            for name in namespace.env.names {
                let exported = exports.contains { $0[name] != nil }
                if package.showMethods.contains(name) {
                    // A print method standing in for an S4 show method: R's package defines the class.
                    let cls = String(name.dropFirst("print.".count))
                    XCTAssertTrue(name.hasPrefix("print.") && exports.contains { $0[".__C__\(cls)"] != nil },
                                  "\(package.name) shows \(cls), an S4 class R's \(package.name) does not define")
                    continue
                }
                let registered = methods.contains { $0.contains(name) }
                XCTAssertTrue(exported || registered, "\(package.name) defines \(name), which R has elsewhere or not at all")
                if package.s3Methods.contains(name) {
                    XCTAssertTrue(registered, "\(package.name) registers \(name) as an S3 method; R does not")
                }
                if registered && !exported {
                    XCTAssertTrue(package.s3Methods.contains(name), "\(name) is an unexported S3 method in R; \(package.name) exports it")
                }
            }
        }
    }

    /// Re-exports name the package R's re-export comes from (or what stands in for it).
    func testReexportsComeFromWhereRHasThem() throws {
        for package in RPackage.all {
            for (name, source) in package.reexports {
                let rHome = try XCTUnwrap(index.exports(of: package.name)[name], "\(package.name) re-exports \(name); R's does not").home
                XCTAssertTrue(homes(of: source).contains(rHome) || index.exports(of: source)[name]?.home == rHome,
                              "\(package.name)::\(name) comes from \(rHome) in R, not \(source)")
                XCTAssertNotNil(interpreter.namespaces[source]?.env.binding(name), "\(source) does not define \(name)")
            }
        }
    }

    /// A package's R source runs when one of its functions is first used, not at start-up.
    func testRSourceRunsOnFirstUse() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        XCTAssertTrue(session.interpreter.loadedRSources.isEmpty)
        _ = try session.run("f <- Negate(is.null)")
        XCTAssertEqual(session.interpreter.loadedRSources, ["base"])
        for package in RPackage.all {
            for name in package.rSource?.functions ?? [] {
                XCTAssertNotNil(interpreter.namespaces[package.name]?.env.binding(name), "\(package.name)::\(name)")
            }
        }
    }

    /// The default packages are attached at start, in R's order.
    func testStartUpSearchPathIsRs() {
        XCTAssertEqual(interpreter.searchPathNames, [
            ".GlobalEnv", "package:stats", "package:graphics", "package:grDevices", "package:utils",
            "package:datasets", "package:methods", "Autoloads", "package:base",
        ])
    }
}
