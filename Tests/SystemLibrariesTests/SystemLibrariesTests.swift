import XCTest
import CCmark
import COpenBLAS
import CLibXML2
import CNLopt
import CRmath

/// Each C library mlmd depends on links and answers a call with a known result.
final class SystemLibrariesTests: XCTestCase {
    func testCmarkRendersHTML() throws {
        let markdown = "# Title\n\n*emphasis*"
        let html = try XCTUnwrap(cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT))
        defer { free(html) }
        XCTAssertEqual(String(cString: html), "<h1>Title</h1>\n<p><em>emphasis</em></p>\n")
    }

    func testBLASMultipliesMatrices() {
        // Column-major 2x2: A = [1 3; 2 4], B = identity.
        let a: [Double] = [1, 2, 3, 4], b: [Double] = [1, 0, 0, 1]
        var c = [Double](repeating: 0, count: 4)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, &c, 2)
        XCTAssertEqual(c, a)
    }

    func testLAPACKFactorsCholesky() {
        // [4 2; 2 3] = L L' with L = [2 0; 1 sqrt(2)].
        var a: [Double] = [4, 2, 2, 3]
        var n: Int32 = 2, lda: Int32 = 2, info: Int32 = -1
        var uplo = CChar(UInt8(ascii: "L"))
        dpotrf_(&uplo, &n, &a, &lda, &info)
        XCTAssertEqual(info, 0)
        XCTAssertEqual(a[0], 2, accuracy: 1e-15)
        XCTAssertEqual(a[1], 1, accuracy: 1e-15)
        XCTAssertEqual(a[3], 2.0.squareRoot(), accuracy: 1e-15)
    }

    func testLibXML2ParsesDocument() throws {
        let xml = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>"
        let doc = try XCTUnwrap(xmlReadMemory(xml, Int32(xml.utf8.count), "test.svg", nil, 0))
        defer { xmlFreeDoc(doc) }
        let root = try XCTUnwrap(xmlDocGetRootElement(doc))
        XCTAssertEqual(String(cString: root.pointee.name), "svg")
    }

    func testNLoptBOBYQAMinimizesQuadratic() throws {
        let opt = try XCTUnwrap(nlopt_create(NLOPT_LN_BOBYQA, 2))
        defer { nlopt_destroy(opt) }
        let objective: nlopt_func = { n, x, _, _ in
            guard let x else { return .infinity }
            return (x[0] - 1) * (x[0] - 1) + (x[1] + 2) * (x[1] + 2)
        }
        XCTAssertEqual(nlopt_set_min_objective(opt, objective, nil), NLOPT_SUCCESS)
        XCTAssertEqual(nlopt_set_xtol_rel(opt, 1e-10), NLOPT_SUCCESS)
        var x: [Double] = [0, 0]
        var minimum = 0.0
        let result = nlopt_optimize(opt, &x, &minimum)
        XCTAssertGreaterThan(result.rawValue, 0)
        XCTAssertEqual(x[0], 1, accuracy: 1e-6)
        XCTAssertEqual(x[1], -2, accuracy: 1e-6)
    }

    func testRmathGivesRsDistributionFunctions() {
        // R: pt(2, 10) = 0.96330598261463, qnorm(0.975) = 1.959963984540054
        XCTAssertEqual(pt(2, 10, 1, 0), 0.96330598261463, accuracy: 1e-13)
        XCTAssertEqual(qnorm5(0.975, 0, 1, 1, 0), 1.959963984540054, accuracy: 1e-13) // Rmath.h names qnorm qnorm5
    }
}
