import XCTest
import MLMLang
@testable import Notebook

/// Inline values are formatted as knitr formats them for Markdown (see Golden/options.md).
final class InlineFormatterTests: XCTestCase {
    func testNumbers() {
        XCTAssertEqual(InlineFormatter.format(.scalar(0.25)), "0.25")
        XCTAssertEqual(InlineFormatter.format(.scalar(1.0 / 3)), "0.3333333")
        XCTAssertEqual(InlineFormatter.format(.scalar(123456789.0)), "1.2345679 &times; 10<sup>8</sup>")
        XCTAssertEqual(InlineFormatter.format(.scalar(1e5)), "10<sup>5</sup>")
        XCTAssertEqual(InlineFormatter.format(.scalar(9999.0)), "9999")
        XCTAssertEqual(InlineFormatter.format(.double([1, 2.5])), "1, 2.5")
    }

    func testOtherTypes() {
        XCTAssertEqual(InlineFormatter.format(.scalar(3)), "3")
        XCTAssertEqual(InlineFormatter.format(.logical([.yes, .na])), "TRUE, NA")
        XCTAssertEqual(InlineFormatter.format(.character(["a", nil])), "a, NA")
        XCTAssertEqual(InlineFormatter.format(.null), "")
    }
}
