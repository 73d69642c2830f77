import CLibXML2
import Foundation

/// One parsed XML part of a workbook. Nodes handed out point into libxml2's tree, so they are
/// only valid while this document lives; callers copy what they need into Swift values.
final class XMLTree {
    private let doc: xmlDocPtr

    /// Parses `data`; nil when it is not well-formed XML. Network access and DTD loading stay
    /// off, and libxml2's own error printing too: the caller reports a failure in R's words.
    init?(data: Data) {
        guard data.count < Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                                 "part.xml", nil, options)
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    var root: XMLNode? {
        guard let node = xmlDocGetRootElement(doc) else { return nil }
        return XMLNode(node)
    }
}

/// A borrowed element of an `XMLTree`. Names are compared without their namespace prefix,
/// as readxl does, since writers differ in the prefixes they use (`x:c`, `c`).
struct XMLNode {
    let ptr: xmlNodePtr

    init(_ ptr: xmlNodePtr) { self.ptr = ptr }

    func isNamed(_ name: StaticString) -> Bool { cStringEquals(ptr.pointee.name, name) }

    var firstChildElement: XMLNode? { XMLNode.element(from: ptr.pointee.children) }
    var nextSiblingElement: XMLNode? { XMLNode.element(from: ptr.pointee.next) }

    private static func element(from start: xmlNodePtr?) -> XMLNode? {
        var node = start
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE { return XMLNode(n) }
            node = n.pointee.next
        }
        return nil
    }

    /// The element children, in document order.
    var childElements: AnySequence<XMLNode> {
        AnySequence(sequence(first: firstChildElement) { $0?.nextSiblingElement }.lazy.compactMap { $0 })
    }

    func firstChild(named name: StaticString) -> XMLNode? {
        var child = firstChildElement
        while let c = child {
            if c.isNamed(name) { return c }
            child = c.nextSiblingElement
        }
        return nil
    }

    func children(named name: StaticString) -> [XMLNode] {
        childElements.filter { $0.isNamed(name) }
    }

    /// The raw text of an attribute (entities already decoded by libxml2), without copying;
    /// valid while the tree lives.
    func attributeBytes(_ name: StaticString) -> UnsafePointer<UInt8>? {
        var attr = ptr.pointee.properties
        while let a = attr {
            if cStringEquals(a.pointee.name, name) {
                // An attribute's value is its text child; an empty value has none.
                guard let text = a.pointee.children, let content = text.pointee.content else {
                    return emptyCString
                }
                return UnsafePointer(content)
            }
            attr = a.pointee.next
        }
        return nil
    }

    func attribute(_ name: StaticString) -> String? {
        attributeBytes(name).map { String(cString: $0) }
    }

    /// The text directly inside this element (text and CDATA children), as `<t>` and `<v>` hold
    /// it. Text that is only whitespace reads as empty, as in readxl's XML parser (rapidxml),
    /// even under xml:space="preserve": a cell holding "   " is an empty cell in R.
    var text: String {
        var joined = ""
        var pieces = 0
        var node = ptr.pointee.children
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE,
               let content = n.pointee.content {
                let piece = String(cString: UnsafePointer(content))
                joined = pieces == 0 ? piece : joined + piece
                pieces += 1
            }
            node = n.pointee.next
        }
        return joined.utf8.allSatisfy(isXMLWhitespace) ? "" : joined
    }

    /// The first text child's bytes without copying (for numbers in `<v>`); nil when the
    /// element has no text, and an empty string when it has only whitespace.
    var textBytes: UnsafePointer<UInt8>? {
        var node = ptr.pointee.children
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE,
               let content = n.pointee.content {
                let bytes = UnsafePointer(content)
                var i = 0
                while bytes[i] != 0 && isXMLWhitespace(bytes[i]) { i += 1 }
                return bytes[i] == 0 ? emptyCString : bytes
            }
            node = n.pointee.next
        }
        return nil
    }
}

@inline(__always)
private func isXMLWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

/// String literals are NUL-terminated, so this is a valid empty C string for the program's life.
private var emptyCString: UnsafePointer<UInt8> { ("" as StaticString).utf8Start }

/// Compares a NUL-terminated C string with an ASCII literal without allocating.
@inline(__always)
func cStringEquals(_ c: UnsafePointer<UInt8>?, _ literal: StaticString) -> Bool {
    guard let c else { return false }
    let n = literal.utf8CodeUnitCount
    let lit = literal.utf8Start
    for i in 0..<n where c[i] != lit[i] { return false }
    return c[n] == 0
}
