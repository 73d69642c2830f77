import XCTest
@testable import MLMLang

/// Parsing R: precedence and associativity as in ?Syntax, newline rules, error locations.
final class ParserTests: XCTestCase {
    /// Fully parenthesised form of the first expression, to make structure visible.
    func shape(_ code: String) throws -> String {
        func show(_ e: Expr) -> String {
            switch e {
            case .constant(let v): return Deparser.deparseValue(v)
            case .symbol(let s): return s
            case .missingArgument: return "<missing>"
            case .function(let f): return "function(\(f.parameters.map(\.name).joined(separator: ",")))" + show(f.body)
            case .call(let c):
                let args = c.arguments.map { ($0.name.map { "\($0)=" } ?? "") + show($0.value) }
                return "\(show(c.function))(\(args.joined(separator: ", ")))"
            }
        }
        return try show(XCTUnwrap(Parser.parse(code).first))
    }

    func testPrecedenceAndAssociativity() throws {
        XCTAssertEqual(try shape("-2^2"), "-(^(2, 2))")
        XCTAssertEqual(try shape("2^-1"), "^(2, -(1))")
        XCTAssertEqual(try shape("2^3^2"), "^(2, ^(3, 2))")
        XCTAssertEqual(try shape("-1:3"), ":(-(1), 3)")
        XCTAssertEqual(try shape("1:3 + 1"), "+(:(1, 3), 1)")
        XCTAssertEqual(try shape("a %in% b * c"), "*(%in%(a, b), c)")
        XCTAssertEqual(try shape("!a == b"), "!(==(a, b))")
        XCTAssertEqual(try shape("a | b & c"), "|(a, &(b, c))")
        XCTAssertEqual(try shape("y ~ x + z"), "~(y, +(x, z))")
        XCTAssertEqual(try shape("~ x"), "~(x)")
        XCTAssertEqual(try shape("x <- y <- 2"), "<-(x, <-(y, 2))")
        XCTAssertEqual(try shape("1 -> x"), "<-(x, 1)")
        XCTAssertEqual(try shape("x = 1"), "=(x, 1)")
        XCTAssertEqual(try shape("a - b - c"), "-(-(a, b), c)")
        XCTAssertEqual(try shape("x$a$b"), "$($(x, a), b)")
        XCTAssertEqual(try shape("-x[1]"), "-([(x, 1))")
        XCTAssertEqual(try shape("stats::sd(x)"), "::(stats, sd)(x)")
        XCTAssertEqual(try shape("x |> f(y)"), "f(x, y)")
        XCTAssertEqual(try shape("x %>% f()"), "%>%(x, f())")
        XCTAssertEqual(try shape("\\(x) x + 1"), "function(x)+(x, 1)")
    }

    func testCallsIndexingAndArguments() throws {
        XCTAssertEqual(try shape("f(a, b = 2, , 'c')"), "f(a, b=2, <missing>, \"c\")")
        XCTAssertEqual(try shape("x[, 1]"), "[(x, <missing>, 1)")
        XCTAssertEqual(try shape("x[[\"a\"]]"), "[[(x, \"a\")")
        XCTAssertEqual(try shape("`my var` + 1"), "+(my var, 1)")
        XCTAssertEqual(try shape("f(x)(y)"), "f(x)(y)")
    }

    func testLiterals() throws {
        XCTAssertEqual(try shape("1L"), "1L")
        XCTAssertEqual(try shape("0x1F"), "31")
        XCTAssertEqual(try shape("1e-3"), "0.001")
        XCTAssertEqual(try shape("NA_integer_"), "NA")
        XCTAssertEqual(try shape("\"a\\tb\\u00e9\""), "\"a\\tbé\"")
        XCTAssertEqual(try shape("r\"(C:\\path)\""), "\"C:\\\\path\"")
    }

    func testNewlinesEndExpressionsOnlyWhereRSaysSo() throws {
        XCTAssertEqual(try Parser.parse("x <- 1\ny <- 2").count, 2)
        XCTAssertEqual(try Parser.parse("x <- 1 +\n 2").count, 1)
        XCTAssertEqual(try Parser.parse("f(1,\n  2)").count, 1)
        XCTAssertEqual(try Parser.parse("x\n(1)").count, 2)
        XCTAssertEqual(try Parser.parse("{\n if (a) 1\n else 2\n}").count, 1)
        XCTAssertThrowsError(try Parser.parse("if (a) 1\nelse 2"))
        XCTAssertEqual(try Parser.parse("a; b; c").count, 3)
        XCTAssertEqual(try Parser.parse("# only a comment\n").count, 0)
    }

    func testTopLevelLineSpans() throws {
        let program = try Parser.parseProgram("# lead\nx <- c(1,\n  2)\n\ny <- \"a\nb\"\n")
        XCTAssertEqual(program.map(\.firstLine), [2, 5])
        XCTAssertEqual(program.map(\.lastLine), [3, 6])
    }

    func testErrorsCarryLineAndColumn() {
        let cases: [(String, String)] = [
            ("x <- )", "1:6: unexpected ')'"),
            ("a\nb c", "2:3: unexpected symbol"),
            ("f(1 2)", "1:5: unexpected numeric constant"),
            ("'open", "1:1: unexpected INCOMPLETE_STRING"),
            ("x <- (1 +", "1:10: unexpected end of input"),
            ("else", "1:1: unexpected 'else'"),
            ("1 +* 2", "1:4: unexpected '*'"),
        ]
        for (code, message) in cases {
            XCTAssertThrowsError(try Parser.parse(code), code) { e in
                XCTAssertEqual("\(e)", message, code)
            }
        }
    }
}
