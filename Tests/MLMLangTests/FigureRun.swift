import CLibXML2
import Foundation
@testable import Graphics
@testable import MLMLang
import XCTest

/// Runs chunk code in a fresh session and collects what the graphics tests look at: the SVGs of
/// new figures and of redrawn ones, errors, warnings, and the current base figure. Every SVG is
/// parsed with libxml2 on the way.
struct FigureRun {
    var session: Session
    var plots: [String] = [], updates: [String] = [], errors: [String] = [], warnings: [String] = [], messages: [String] = []
    var figure: BasePlot? { session.interpreter.currentBasePlot }

    init(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws {
        session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        for event in try session.run(code, continueAfterError: true).flatMap(\.events) {
            switch event {
            case .plot(let svg, _, _): plots.append(svg)
            case .plotUpdate(let svg, _, _): updates.append(svg)
            case .error(let message, _): errors.append(message)
            case .warning(let message, _): warnings.append(message)
            case .message(let message): messages.append(message)
            default: break
            }
        }
        for svg in plots + updates {
            let doc = xmlReadMemory(svg, Int32(svg.utf8.count), "plot.svg", nil, Int32(XML_PARSE_NONET.rawValue))
            XCTAssertNotNil(doc, "every SVG parses with libxml2", file: file, line: line)
            if let doc { xmlFreeDoc(doc) }
        }
    }
}
