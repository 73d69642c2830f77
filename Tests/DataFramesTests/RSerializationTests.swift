import DataFrames
import Foundation
import XCTest

/// Files R wrote with saveRDS() and save() (scripts/make-rdata-fixtures.R) read as R holds them,
/// and objects written by mlmd read back the same.
final class RSerializationTests: XCTestCase {
    private func read(_ name: String) throws -> RSerializedObject {
        var data = try Data(contentsOf: URL(fileURLWithPath: try Fixture.path(name)))
        if Gzip.isCompressed(data) { data = try Gzip.decompress(data) }
        if data.starts(with: Array("RDX".utf8)) { data = data.dropFirst(5) }
        return try RUnserializer.read(Data(data))
    }

    private func element(_ object: RSerializedObject, _ name: String) -> RSerializedObject? {
        guard case .list(let items) = object.value,
              let names = object.attributes.first(where: { $0.name == "names" }),
              case .character(let labels) = names.value.value, let k = labels.firstIndex(of: name) else { return nil }
        return items[k]
    }

    private func attribute(_ object: RSerializedObject?, _ name: String) -> RSerializedObject.Value? {
        object?.attributes.first(where: { $0.name == name })?.value.value
    }

    func testVectorsFactorsAndFramesFromSaveRDS() throws {
        let objects = try read("objects.rds")
        guard case .logical(let logical)? = element(objects, "logical")?.value else { return XCTFail("logical") }
        XCTAssertEqual(logical, [1, Int32.min, 0])
        guard case .integer(let integer)? = element(objects, "integer")?.value else { return XCTFail("integer") }
        XCTAssertEqual(integer, [1, Int32.min, -7])
        guard case .double(let double)? = element(objects, "double")?.value else { return XCTFail("double") }
        XCTAssertEqual(double[0], 1.5)
        XCTAssertEqual(double[1].bitPattern, 0x7FF0_0000_0000_07A2, "R's NA_real_")
        XCTAssertEqual(double[2], .infinity)
        XCTAssertTrue(double[3].isNaN)
        guard case .character(let names)? = attribute(element(objects, "double"), "names") else { return XCTFail("names") }
        XCTAssertEqual(names, ["a", "b", "c", "d"])
        guard case .character(let strings)? = element(objects, "character")?.value else { return XCTFail("character") }
        XCTAssertEqual(strings, ["plain", nil, "caf\u{e9}"])

        let factor = element(objects, "factor")
        guard case .integer(let codes)? = factor?.value, case .character(let levels)? = attribute(factor, "levels"),
              case .character(let factorClass)? = attribute(factor, "class") else { return XCTFail("factor") }
        XCTAssertEqual(codes, [1, 2, Int32.min, 1])
        XCTAssertEqual(levels, ["lo", "hi"])
        XCTAssertEqual(factorClass, ["factor"])
        XCTAssertEqual(factor?.isObject, true)

        let frame = element(objects, "frame")
        guard case .list(let columns)? = frame?.value, case .integer(let rowNames)? = attribute(frame, "row.names") else {
            return XCTFail("frame")
        }
        XCTAssertEqual(columns.count, 2)
        XCTAssertEqual(rowNames, [Int32.min, -3], "compact row names")
        // 1:10 is written as a compact ALTREP sequence.
        guard case .integer(let sequence)? = element(objects, "sequence")?.value else { return XCTFail("sequence") }
        XCTAssertEqual(sequence, Array(1...10))
    }

    func testLanguageFunctionsAndEnvironments() throws {
        let objects = try read("objects.rds")
        let formula = element(objects, "formula")
        guard case .call(let cells)? = formula?.value, case .symbol("~")? = cells.first?.value.value else { return XCTFail("formula") }
        XCTAssertEqual(cells.count, 3)
        guard case .character(let formulaClass)? = attribute(formula, "class") else { return XCTFail("formula class") }
        XCTAssertEqual(formulaClass, ["formula"])
        guard case .environment(let formulaEnvironment)? = attribute(formula, ".Environment") else { return XCTFail(".Environment") }
        XCTAssertEqual(formulaEnvironment.kind, .global)

        guard case .closure(let formals, let body, _)? = element(objects, "fun")?.value else { return XCTFail("function") }
        XCTAssertEqual(formals.map(\.tag), ["x", "y"])
        guard case .missingArgument = formals[0].value.value, case .double([2]) = formals[1].value.value else { return XCTFail("formals") }
        guard case .call(let bodyCells) = body.value, case .symbol("+")? = bodyCells.first?.value.value else { return XCTFail("body") }

        guard case .environment(let environment)? = element(objects, "environment")?.value else { return XCTFail("environment") }
        XCTAssertEqual(environment.kind, .local)
        guard let inside = environment.bindings.first(where: { $0.name == "inside" }), case .double([42]) = inside.value.value else {
            return XCTFail("binding")
        }
    }

    func testUncompressedAndWorkspaceFiles() throws {
        let plain = try read("objects-uncompressed.rds")
        guard case .list(let items) = plain.value else { return XCTFail("list") }
        XCTAssertEqual(items.count, 2)
        for name in ["workspace.RData", "workspace-v2.RData"] {
            let workspace = try read(name)
            guard case .pairlist(let cells) = workspace.value else { return XCTFail(name) }
            XCTAssertEqual(cells.map(\.tag), ["first", "second"], name)
            guard case .double([10, 20]) = cells[0].value.value, case .character(["a", "b", "c"]) = cells[1].value.value else {
                return XCTFail(name)
            }
        }
    }

    /// What mlmd writes reads back: the same objects, R's format and gzip around it.
    func testWrittenObjectsReadBack() throws {
        let objects = try read("objects.rds")
        let written = try Gzip.compress(RSerializer.serialize(objects))
        let again = try RUnserializer.read(try Gzip.decompress(written))
        guard case .list(let first) = objects.value, case .list(let second) = again.value else { return XCTFail("list") }
        XCTAssertEqual(first.count, second.count)
        guard case .character(let strings)? = element(again, "character")?.value else { return XCTFail("character") }
        XCTAssertEqual(strings, ["plain", nil, "caf\u{e9}"])
        guard case .integer(let codes)? = element(again, "factor")?.value else { return XCTFail("factor") }
        XCTAssertEqual(codes, [1, 2, Int32.min, 1])
    }

    func testDamagedInput() throws {
        XCTAssertThrowsError(try RUnserializer.read(Data("hello".utf8))) { error in
            XCTAssertEqual((error as? RDataError)?.message, "unknown input format")
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: try Fixture.path("objects-uncompressed.rds")))
        data = data.prefix(data.count / 2)
        XCTAssertThrowsError(try RUnserializer.read(data))
        XCTAssertThrowsError(try Gzip.decompress(Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0])))

        // A header (XDR, version 2), then items written by hand.
        func stream(_ items: [Int32]) -> Data {
            var bytes = Array("X\n".utf8)
            for value in [2, 0x040202, 0x020300] + items {
                let bits = UInt32(bitPattern: value)
                bytes += [UInt8(bits >> 24), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
            }
            return Data(bytes)
        }
        // An integer vector claiming 2^30 elements in a file of a few bytes: no allocation, an error.
        XCTAssertThrowsError(try RUnserializer.read(stream([13, 1 << 30, 1, 2])))
        // Lists of one list, 20,000 deep: an error, not a stack overflow. Read on a thread with a
        // large stack, as the interpreter reads files (10,000 levels exceed a test thread's 8 MB
        // in a debug build).
        let deep = stream(Array(repeating: [19, 1], count: 20_000).flatMap { $0 } + [254])
        final class Outcome: @unchecked Sendable { var message: String? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { _ = try RUnserializer.read(deep) } catch { outcome.message = (error as? RDataError)?.message }
            done.signal()
        }
        thread.stackSize = 1 << 28
        thread.start()
        done.wait()
        XCTAssertEqual(outcome.message, "the file nests objects more than 10000 levels deep")
    }
}
